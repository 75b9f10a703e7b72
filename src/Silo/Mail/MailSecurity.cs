namespace Community.Silo.Mail;

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum MailSecurity
{
    /// <summary>STARTTLS when the server offers it, plain otherwise.</summary>
    Auto,

    /// <summary>Plain SMTP (a relay on the same host or network).</summary>
    None,

    /// <summary>STARTTLS, required (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    Tls,
}
