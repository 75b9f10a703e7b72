using System.Text;

namespace Community.Grains.Surveys;

/// <summary>Tags compared as a member would read them: full- and half-width alike (NFKC), case ignored.</summary>
public sealed class TagComparer : IEqualityComparer<string>
{
    public static readonly TagComparer Instance = new();

    public bool Equals(string? x, string? y) => string.Equals(Fold(x), Fold(y), StringComparison.Ordinal);

    public int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(Fold(obj)!);

    private static string? Fold(string? tag) => tag?.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
}
