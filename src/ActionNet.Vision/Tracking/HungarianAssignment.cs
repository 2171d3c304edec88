namespace ActionNet.Vision.Tracking;

/// <summary>
/// Minimum-cost assignment of rows to columns (the Hungarian method with potentials and shortest augmenting
/// paths, O(n^2 m)) for the small matrices of tracks against detections. A rectangular matrix assigns every
/// row of the shorter side.
/// </summary>
internal static class HungarianAssignment
{
    /// <summary>The column assigned to each row of <paramref name="cost"/>, -1 for rows left over when there are more rows than columns.</summary>
    public static int[] Solve(double[,] cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        int rows = cost.GetLength(0), cols = cost.GetLength(1);
        if (rows == 0 || cols == 0)
        {
            return [.. Enumerable.Repeat(-1, rows)];
        }

        if (rows > cols)
        {
            var transposed = new double[cols, rows];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < cols; c++)
                {
                    transposed[c, r] = cost[r, c];
                }
            }

            var columnToRow = Solve(transposed);
            var rowToColumn = Enumerable.Repeat(-1, rows).ToArray();
            for (var c = 0; c < cols; c++)
            {
                rowToColumn[columnToRow[c]] = c;
            }

            return rowToColumn;
        }

        // 1-based: u, v are the potentials of rows and columns, owner[j] the row holding column j (0: none).
        var u = new double[rows + 1];
        var v = new double[cols + 1];
        var owner = new int[cols + 1];
        var way = new int[cols + 1];
        for (var row = 1; row <= rows; row++)
        {
            owner[0] = row;
            var column = 0;
            var least = Enumerable.Repeat(double.PositiveInfinity, cols + 1).ToArray();
            var used = new bool[cols + 1];
            do
            {
                used[column] = true;
                int current = owner[column], next = 0;
                var delta = double.PositiveInfinity;
                for (var j = 1; j <= cols; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    var reduced = cost[current - 1, j - 1] - u[current] - v[j];
                    if (reduced < least[j])
                    {
                        least[j] = reduced;
                        way[j] = column;
                    }

                    if (least[j] < delta)
                    {
                        delta = least[j];
                        next = j;
                    }
                }

                for (var j = 0; j <= cols; j++)
                {
                    if (used[j])
                    {
                        u[owner[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        least[j] -= delta;
                    }
                }

                column = next;
            }
            while (owner[column] != 0);

            do
            {
                var previous = way[column];
                owner[column] = owner[previous];
                column = previous;
            }
            while (column != 0);
        }

        var assignment = new int[rows];
        for (var j = 1; j <= cols; j++)
        {
            if (owner[j] != 0)
            {
                assignment[owner[j] - 1] = j - 1;
            }
        }

        return assignment;
    }
}
