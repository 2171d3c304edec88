using Microsoft.ML.OnnxRuntime;

namespace ActionNet.Inference.Execution;

/// <summary>
/// An ONNX Runtime session together with the execution provider that actually runs it and the
/// options it was created with (kept alive for the session's lifetime, disposed with it).
/// </summary>
public sealed class ProviderSession : IDisposable
{
    private readonly SessionOptions options;

    /// <summary>Wraps a created session.</summary>
    public ProviderSession(InferenceSession session, ExecutionProvider provider, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        Session = session;
        Provider = provider;
        this.options = options;
    }

    /// <summary>The session; <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/> is thread-safe.</summary>
    public InferenceSession Session { get; }

    /// <summary>The provider the session was created with (the first in the preference list that loaded).</summary>
    public ExecutionProvider Provider { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Session.Dispose();
        options.Dispose();
    }
}
