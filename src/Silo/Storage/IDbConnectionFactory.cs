using System.Data.Common;

namespace Community.Silo.Storage;

/// <summary>Opens a connection to the network's database, whichever provider keeps it.</summary>
internal interface IDbConnectionFactory
{
    Task<DbConnection> OpenAsync();
}
