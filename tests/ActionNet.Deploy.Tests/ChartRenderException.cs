namespace ActionNet.Deploy.Tests;

/// <summary>The chart did not render, or a rendered manifest is not a valid Kubernetes object; the message says where.</summary>
public sealed class ChartRenderException(string message) : Exception(message);
