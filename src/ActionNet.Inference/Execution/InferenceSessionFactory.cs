using System.Globalization;
using ActionNet.Inference.Contracts;
using ActionNet.Inference.Packing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace ActionNet.Inference.Execution;

/// <summary>
/// Creates ONNX Runtime sessions on the most preferred execution provider that loads, trying
/// <see cref="InferenceOptions.EffectiveProviders"/> in order (TensorRT, CUDA, CPU by default). A provider
/// that fails is logged once per process and skipped afterwards. <c>GetAvailableProviders()</c> is not
/// consulted: it lists GPU providers even on machines without a GPU.
/// </summary>
public sealed class InferenceSessionFactory
{
    // ONNX Runtime prints its own multi-line error for every provider library it cannot load; the
    // factory already reports each failure in one line and every real failure surfaces as an
    // exception, so the native log is limited to fatal messages, once per process.
    private static readonly Lazy<bool> QuietNativeLog = new(() =>
    {
        OrtEnv.Instance().EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
        return true;
    });

    private readonly ILogger logger;
    private readonly ExecutionProviderAvailability availability;

    /// <summary>Creates a factory.</summary>
    /// <param name="options">Provider order and provider settings.</param>
    /// <param name="logger">Receives one line per failed provider per process.</param>
    /// <param name="availability">Where failures are remembered; <see cref="ExecutionProviderAvailability.Shared"/> when null.</param>
    public InferenceSessionFactory(InferenceOptions options, ILogger? logger = null, ExecutionProviderAvailability? availability = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        Options = options;
        _ = QuietNativeLog.Value;
        this.logger = logger ?? NullLogger.Instance;
        this.availability = availability ?? ExecutionProviderAvailability.Shared;
    }

    /// <summary>The options sessions are created with.</summary>
    public InferenceOptions Options { get; }

    /// <summary>
    /// Opens <paramref name="modelPath"/> on the first provider that works. The contract, when given,
    /// lets TensorRT build one engine profile for batches 1..<see cref="InferenceOptions.MaxBatchSize"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No provider in the list could run the model.</exception>
    public ProviderSession Create(string modelPath, ModelContract? contract = null) =>
        Create(modelPath, contract?.Inputs.ToDictionary(input => input.Name, input => ClipPacker.ShapeOf(input, 1)[1..]));

    /// <summary>
    /// Opens <paramref name="modelPath"/> on the first provider that works. <paramref name="batchedInputs"/>, when
    /// given, names each input whose batch axis is dynamic with its shape after that axis (e.g.
    /// <c>input_1:0</c> -> [3, 544, 960]), so TensorRT builds one engine profile for batches
    /// 1..<see cref="InferenceOptions.MaxBatchSize"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No provider in the list could run the model.</exception>
    public ProviderSession Create(string modelPath, IReadOnlyDictionary<string, long[]>? batchedInputs)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        var order = Options.EffectiveProviders;
        var failures = new List<string>();
        var firstFailures = new List<string>();
        for (var i = 0; i < order.Count; i++)
        {
            var provider = order[i];
            if (availability.Unavailable.TryGetValue(provider, out var known))
            {
                failures.Add($"{ExecutionProviderAvailability.DisplayName(provider)}: {known}");
                continue;
            }

            var session = TryCreate(modelPath, batchedInputs, provider, out var reason);
            if (session is not null)
            {
                ReportFallback(firstFailures, provider);
                logger.LogInformation("Model '{Model}' runs on the {Provider} execution provider", Path.GetFileName(modelPath), ExecutionProviderAvailability.DisplayName(provider));
                return session;
            }

            failures.Add($"{ExecutionProviderAvailability.DisplayName(provider)}: {reason}");
            if (availability.MarkUnavailable(provider, reason))
            {
                firstFailures.Add($"{ExecutionProviderAvailability.DisplayName(provider)} ({reason})");
            }
        }

        ReportFallback(firstFailures, null);

        throw new InvalidOperationException(
            $"model '{Path.GetFileName(modelPath)}' could not be opened on any execution provider: {string.Join("; ", failures)}");
    }

    // One line for the whole fallback chain, the first time each provider fails in this process.
    private void ReportFallback(List<string> firstFailures, ExecutionProvider? active)
    {
        if (firstFailures.Count == 0)
        {
            return;
        }

        var outcome = active is { } p ? $"running on {ExecutionProviderAvailability.DisplayName(p)}" : "no provider left to fall back to";
        logger.LogWarning("Execution provider unavailable: {Failures}; {Outcome}", string.Join(", ", firstFailures), outcome);
    }

    private ProviderSession? TryCreate(string modelPath, IReadOnlyDictionary<string, long[]>? batchedInputs, ExecutionProvider provider, out string reason)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = Options.IntraOpThreads,
        };
        OrtTensorRTProviderOptions? tensorRt = null;
        try
        {
            if (provider == ExecutionProvider.TensorRt)
            {
                tensorRt = TensorRtOptions(batchedInputs);
                options.AppendExecutionProvider_Tensorrt(tensorRt);
                TryAppendCudaBehindTensorRt(options);
            }
            else if (provider == ExecutionProvider.Cuda)
            {
                options.AppendExecutionProvider_CUDA(Options.DeviceId);
            }

            var session = new InferenceSession(modelPath, options);
            reason = string.Empty;
            return new ProviderSession(session, provider, options);
        }
        catch (OnnxRuntimeException ex) when (provider != ExecutionProvider.Cpu)
        {
            options.Dispose();
            reason = NativeDependencyProbe.MissingLibraries(provider) ?? OrtMessages.FirstLine(ex.Message);
            return null;
        }
        catch
        {
            options.Dispose();
            throw;
        }
        finally
        {
            tensorRt?.Dispose();
        }
    }

    // TensorRT hands the nodes it cannot build to the next provider; CUDA keeps them on the GPU.
    private void TryAppendCudaBehindTensorRt(SessionOptions options)
    {
        if (!Options.EffectiveProviders.Contains(ExecutionProvider.Cuda) || availability.IsKnownUnavailable(ExecutionProvider.Cuda))
        {
            return;
        }

        try
        {
            options.AppendExecutionProvider_CUDA(Options.DeviceId);
        }
        catch (OnnxRuntimeException ex)
        {
            logger.LogDebug("CUDA could not be added behind TensorRT: {Reason}", OrtMessages.FirstLine(ex.Message));
        }
    }

    private OrtTensorRTProviderOptions TensorRtOptions(IReadOnlyDictionary<string, long[]>? batchedInputs)
    {
        var settings = new Dictionary<string, string>
        {
            ["device_id"] = Options.DeviceId.ToString(CultureInfo.InvariantCulture),
            ["trt_fp16_enable"] = Options.TensorRtFp16 ? "1" : "0",
        };
        if (!string.IsNullOrEmpty(Options.TensorRtEngineCacheFolder))
        {
            Directory.CreateDirectory(Options.TensorRtEngineCacheFolder);
            settings["trt_engine_cache_enable"] = "1";
            settings["trt_engine_cache_path"] = Options.TensorRtEngineCacheFolder;
            settings["trt_timing_cache_enable"] = "1";
            settings["trt_timing_cache_path"] = Options.TensorRtEngineCacheFolder;
        }

        if (batchedInputs is { Count: > 0 })
        {
            settings["trt_profile_min_shapes"] = ProfileShapes(batchedInputs, 1);
            settings["trt_profile_opt_shapes"] = ProfileShapes(batchedInputs, Options.MaxBatchSize);
            settings["trt_profile_max_shapes"] = ProfileShapes(batchedInputs, Options.MaxBatchSize);
        }

        var tensorRt = new OrtTensorRTProviderOptions();
        try
        {
            tensorRt.UpdateOptions(settings);
            return tensorRt;
        }
        catch
        {
            tensorRt.Dispose();
            throw;
        }
    }

    private static string ProfileShapes(IReadOnlyDictionary<string, long[]> batchedInputs, int batch) =>
        string.Join(",", batchedInputs.Select(input => $"{input.Key}:{string.Join("x", input.Value.Prepend(batch))}"));
}

