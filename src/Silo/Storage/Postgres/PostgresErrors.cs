using Npgsql;

namespace Community.Silo.Storage.Postgres;

internal static class PostgresErrors
{
    /// <summary>A unique violation of the named constraint (or of any, when no name is given).</summary>
    public static bool IsUniqueViolation(this PostgresException e, string? constraint = null) =>
        e.SqlState == PostgresErrorCodes.UniqueViolation && (constraint is null || e.ConstraintName == constraint);
}
