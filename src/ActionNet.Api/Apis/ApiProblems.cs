using ActionNet.Abstractions;

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
            return TypedResults.Problem(detail: ErrorText.OneLine(e.Message), statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or SiloUnavailableException)
        {
            return TypedResults.Problem(detail: $"the ActionNet cluster did not answer: {ErrorText.OneLine(e.Message)}", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service Unavailable");
        }
    }
}
