namespace ActionNet.Abstractions.Live;

/// <summary>What a <see cref="LiveEvent"/> reports.</summary>
public enum LiveEventKind
{
    /// <summary>A window's label was journaled (<see cref="LiveEvent.Event"/>).</summary>
    Label,

    /// <summary>A label segment opened with its first event (<see cref="LiveEvent.Segment"/>, open).</summary>
    SegmentStart,

    /// <summary>A label segment closed: label change, gap or UTC hour (<see cref="LiveEvent.Segment"/>, closed).</summary>
    SegmentEnd,

    /// <summary>An outage or lost windows were recorded (<see cref="LiveEvent.Gap"/>).</summary>
    Gap,
}
