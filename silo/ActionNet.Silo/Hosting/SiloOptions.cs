namespace ActionNet.Silo.Hosting;

/// <summary>
/// Who this silo is and how it joins the cluster, bound from the <see cref="SectionName"/> section
/// (environment variables such as <c>ActionNet__SiloPort=11112</c>).
/// </summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ActionNet";

    /// <summary><c>ActionNet:ClusterId</c>: silos and clients with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = "actionnet";

    /// <summary><c>ActionNet:ServiceId</c>: keys stored state and reminders; keep it across deployments.</summary>
    public string ServiceId { get; set; } = "actionnet";

    /// <summary><c>ActionNet:Clustering</c>: Localhost (default) or AzureTable.</summary>
    public ClusteringMode Clustering { get; set; } = ClusteringMode.Localhost;

    /// <summary><c>ActionNet:SiloPort</c>: silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary><c>ActionNet:GatewayPort</c>: client port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// <c>ActionNet:HttpPort</c>: where the silo serves /healthz, /readyz and /metrics; on 127.0.0.1, or on every
    /// address when <see cref="AdvertisedAddress"/> is set.
    /// </summary>
    public int HttpPort { get; set; } = 8080;

    /// <summary><c>ActionNet:PrimarySiloPort</c>: in Localhost mode, the silo port of the silo that keeps membership.</summary>
    public int PrimarySiloPort { get; set; } = 11111;

    /// <summary><c>ActionNet:Accelerator</c>: this silo's accelerator label (free text: t4, jetson, h100, cpu).</summary>
    public string Accelerator { get; set; } = "cpu";

    /// <summary>
    /// <c>ActionNet:AdvertisedAddress</c>: in AzureTable mode, the IP address other silos and clients reach
    /// this silo on (in Kubernetes the pod IP); the silo then listens on every address. Empty: 127.0.0.1,
    /// for several silo processes on one machine.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// <c>ActionNet:KubernetesHosting</c>: the silo runs in a Kubernetes pod and uses Orleans Kubernetes hosting
    /// (POD_NAME, POD_NAMESPACE, POD_IP and the orleans/serviceId and orleans/clusterId pod labels): silos whose
    /// pods were deleted are declared dead at once. Needs AzureTable clustering, which still keeps membership.
    /// </summary>
    public bool KubernetesHosting { get; set; }

    /// <summary>
    /// <c>ActionNet:Dashboard</c>: the silo feeds the Orleans Dashboard that the API host serves to admins. Off by
    /// default: each silo then sends its grain statistics every second, a few KB per scored window on a small cluster,
    /// which would dwarf the camera traffic between silos.
    /// </summary>
    public bool Dashboard { get; set; }

    /// <summary><c>ActionNet:SiloName</c>: a display name; empty: host name and silo port.</summary>
    public string? SiloName { get; set; }

    /// <summary>The name shown for this silo.</summary>
    public string EffectiveName => string.IsNullOrWhiteSpace(SiloName) ? $"{Environment.MachineName}:{SiloPort}" : SiloName;

    /// <summary>Problems, one line each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Required(errors, nameof(ClusterId), ClusterId);
        Required(errors, nameof(ServiceId), ServiceId);
        Required(errors, nameof(Accelerator), Accelerator);
        Port(errors, nameof(SiloPort), SiloPort);
        Port(errors, nameof(GatewayPort), GatewayPort);
        Port(errors, nameof(PrimarySiloPort), PrimarySiloPort);
        Port(errors, nameof(HttpPort), HttpPort);
        if (SiloPort == GatewayPort)
        {
            errors.Add($"{SectionName}:{nameof(SiloPort)} and {SectionName}:{nameof(GatewayPort)} are both {SiloPort}; they must differ");
        }

        if (HttpPort == SiloPort || HttpPort == GatewayPort)
        {
            errors.Add($"{SectionName}:{nameof(HttpPort)} is {HttpPort}, also the {(HttpPort == SiloPort ? nameof(SiloPort) : nameof(GatewayPort))}; they must differ");
        }

        if (!string.IsNullOrWhiteSpace(AdvertisedAddress) && !System.Net.IPAddress.TryParse(AdvertisedAddress, out _))
        {
            errors.Add($"{SectionName}:{nameof(AdvertisedAddress)} is '{AdvertisedAddress}'; expected an IP address such as 10.1.2.3");
        }

        if (KubernetesHosting && Clustering != ClusteringMode.AzureTable)
        {
            errors.Add($"{SectionName}:{nameof(KubernetesHosting)} is true with {SectionName}:{nameof(Clustering)} {Clustering}; expected AzureTable");
        }

        if (!Enum.IsDefined(Clustering))
        {
            errors.Add($"{SectionName}:{nameof(Clustering)} is '{Clustering}'; expected Localhost or AzureTable");
        }

        return errors;
    }

    private static void Required(List<string> errors, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{SectionName}:{name} is empty");
        }
    }

    private static void Port(List<string> errors, string name, int value)
    {
        if (value is < 1 or > 65535)
        {
            errors.Add($"{SectionName}:{name} is {value}; expected a port from 1 to 65535");
        }
    }
}
