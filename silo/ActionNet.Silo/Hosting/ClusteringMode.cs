namespace ActionNet.Silo.Hosting;

/// <summary>How silos find each other (<c>ActionNet:Clustering</c>).</summary>
public enum ClusteringMode
{
    /// <summary>
    /// Development: silos on one machine, the one on <c>ActionNet:PrimarySiloPort</c> keeps membership
    /// (if it stops, the cluster stops).
    /// </summary>
    Localhost,

    /// <summary>Membership in an Azure Table of the storage account; any silo may fail.</summary>
    AzureTable,
}
