namespace Community.Silo.Storage;

internal static class StampUrls
{
    public static string Image(string stampId) => $"/api/stamps/{Uri.EscapeDataString(stampId)}/image";
}
