using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;
using Orleans.Hosting;

namespace BranchLedger.Hosting;

/// <summary>
/// TLS between silos and between the gateway and the silos (Orleans connections), switched on by
/// <c>Orleans:Tls:CertificatePath</c>. Both ends present a certificate and accept the other's when it
/// chains to a trusted root or its thumbprint is listed in <c>Orleans:Tls:TrustedThumbprints</c> — by
/// default their own certificate's, the usual set-up where a cluster shares one certificate (a
/// Kubernetes secret).
/// </summary>
public sealed class ClusterTls
{
    private readonly X509Certificate2 _certificate;
    private readonly HashSet<string> _trusted;

    private ClusterTls(X509Certificate2 certificate, IEnumerable<string> trusted)
    {
        _certificate = certificate;
        _trusted = new HashSet<string>(trusted.Append(certificate.Thumbprint), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The configured TLS, or null when it is not switched on.</summary>
    public static ClusterTls? From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Orleans:Tls");
        var path = section["CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["CertificatePassword"]);
        var trusted = (section["TrustedThumbprints"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ClusterTls(certificate, trusted);
    }

    /// <summary>Secures a silo's connections (silo-to-silo and the client gateway).</summary>
    public void Apply(ISiloBuilder silo) => silo.UseTls(_certificate, Configure);

    /// <summary>Secures a client's connections to the silos.</summary>
    public void Apply(IClientBuilder client) => client.UseTls(_certificate, Configure);

    private void Configure(TlsOptions options)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = Accepts;
        options.OnAuthenticateAsClient = (_, client) => client.TargetHost = _certificate.GetNameInfo(X509NameType.DnsName, forIssuer: false);
    }

    private bool Accepts(X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null && (errors == SslPolicyErrors.None || _trusted.Contains(certificate.Thumbprint));
}
