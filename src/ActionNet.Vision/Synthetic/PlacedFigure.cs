namespace ActionNet.Vision.Synthetic;

/// <summary>One person of an actor as drawn at one instant: which of the actor's people, where its joints are, how it looks and how tall it is (pixels).</summary>
internal readonly record struct PlacedFigure(int Person, FigureJoints Joints, FigureStyle Style, double Height);
