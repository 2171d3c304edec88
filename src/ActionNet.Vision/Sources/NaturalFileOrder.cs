namespace ActionNet.Vision.Sources;

/// <summary>Orders file names as people read them: "img2" before "img10".</summary>
internal sealed class NaturalFileOrder : IComparer<string>
{
    public static NaturalFileOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return string.CompareOrdinal(x, y);
        }

        int i = 0;
        int j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                int startX = i;
                int startY = j;
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }

                var digitsX = x.AsSpan(startX, i - startX).TrimStart('0');
                var digitsY = y.AsSpan(startY, j - startY).TrimStart('0');
                int byNumber = digitsX.Length != digitsY.Length
                    ? digitsX.Length.CompareTo(digitsY.Length)
                    : digitsX.SequenceCompareTo(digitsY);
                if (byNumber != 0)
                {
                    return byNumber;
                }
            }
            else
            {
                int byChar = x[i].CompareTo(y[j]);
                if (byChar != 0)
                {
                    return byChar;
                }

                i++;
                j++;
            }
        }

        int byRest = (x.Length - i).CompareTo(y.Length - j);
        return byRest != 0 ? byRest : string.CompareOrdinal(x, y);
    }
}
