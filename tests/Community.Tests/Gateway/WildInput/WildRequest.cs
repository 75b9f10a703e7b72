using System.Text;

namespace Community.Tests.Gateway.WildInput;

/// <summary>One REST request of the property test, as sent; <see cref="ToString"/> shows it with every unprintable character escaped.</summary>
public sealed record WildRequest(string Method, string Url, string? Body, IReadOnlyList<string>? Form = null, string? Token = null)
{
    public override string ToString()
    {
        var shown = new StringBuilder($"{Method} {Url}");
        if (Token is not null) shown.Append(" with token ").Append(RawJson.String(Token));
        if (Form is not null) shown.Append(" form ").Append(string.Join(", ", Form.Select(RawJson.String)));
        if (Body is not null) shown.Append(' ').Append(Body.Length > 600 ? Body[..600] + $"… ({Body.Length} characters)" : Body);
        return shown.ToString();
    }
}
