namespace ActionNet.Api.Apis;

/// <summary>
/// RFC 7807 answers carrying the CLI's one-line messages: bad input (an <see cref="ArgumentException"/> or
/// <see cref="FormatException"/>, also from a grain) is 400, a cluster that cannot be reached is 503.
/// </summary>
public static class ApiProblems
{
    /// <summary>404 with <paramref name="detail"/>.</summary>
    public static IResult NotFound(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not Found");

    /// <summary>An endpoint filter turning failures into problems, with the message on one line and masked.</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return TypedResults.Problem(detail: OneLine(e.Message), statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or SiloUnavailableException)
        {
            return TypedResults.Problem(detail: $"the ActionNet cluster did not answer: {OneLine(e.Message)}", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service Unavailable");
        }
    }

    /// <summary>The first line of <paramref name="message"/>, without .NET's parameter suffix.</summary>
    public static string OneLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        var parameter = line.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter > 0 ? line[..parameter] : line;
    }
}
