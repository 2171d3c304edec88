using Microsoft.Extensions.Options;

namespace ActionNet.Abstractions.Hosting;

/// <summary>
/// Fails start-up with one line per broken setting, each naming its configuration key: the one validator of every
/// options class the silo and the API host bind (each class lists its own problems).
/// </summary>
/// <typeparam name="TOptions">The options checked.</typeparam>
public sealed class OptionsRules<TOptions>(Func<TOptions, IEnumerable<string>> problems) : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var found = problems(options).ToArray();
        return found.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }
}
