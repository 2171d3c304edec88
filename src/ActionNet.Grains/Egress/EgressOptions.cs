using System.Net;

namespace ActionNet.Grains.Egress;

/// <summary>
/// Where silos may connect on a user's behalf (camera streams, webhooks), bound from <see cref="SectionName"/>: addresses in
/// <see cref="Deny"/> are refused unless <see cref="Allow"/> names them. The default denies link-local addresses and the
/// cloud metadata services, which hand out credentials to whatever asks from inside; private networks, where cameras
/// usually are, stay allowed.
/// </summary>
public sealed class EgressOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ActionNet:Egress";

    /// <summary>
    /// <c>Deny</c>: address ranges (CIDR, or single addresses) refused: by default IPv4 and IPv6 link-local (AWS, GCP and
    /// Azure metadata at 169.254.169.254 included), AWS's IPv6 metadata address, Alibaba Cloud's metadata address and
    /// Azure's host agent (168.63.129.16). Setting it replaces the whole list.
    /// </summary>
    public string[] Deny { get; set; } = ["169.254.0.0/16", "fe80::/10", "fd00:ec2::254/128", "100.100.100.200/32", "168.63.129.16/32"];

    /// <summary><c>Allow</c>: ranges let through although <see cref="Deny"/> holds them (a camera on a link-local network, say).</summary>
    public string[] Allow { get; set; } = [];

    /// <summary>Problems, one line each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate() =>
    [
        .. Deny.Select((r, i) => (Range: r, Key: $"{SectionName}:{nameof(Deny)}:{i}")).Concat(Allow.Select((r, i) => (Range: r, Key: $"{SectionName}:{nameof(Allow)}:{i}")))
            .Where(e => !IPNetwork.TryParse(e.Range, out _) && !IPAddress.TryParse(e.Range, out _))
            .Select(e => $"{e.Key} is '{e.Range}'; expected an address range such as 169.254.0.0/16 or an address"),
    ];
}
