using ActionNet.Inference.Execution;
using Microsoft.Extensions.Options;

namespace ActionNet.Inference.Hosting;

/// <summary>Fails start-up with one message per bad <see cref="InferenceOptions"/> setting, naming its key.</summary>
public sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
