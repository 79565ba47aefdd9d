using QRCoder;

namespace Burgerbegroting.Web.Stemcodes;

/// <summary>
/// The QR code of a letter as a few filled rectangles in module units, so it prints as vector shapes: sharp at any
/// resolution and a few hundred bytes per page, where a bitmap per page would weigh on 150,000 pages.
/// </summary>
internal static class LetterQr
{
    /// <summary>
    /// The module matrix of <paramref name="text"/> at error-correction level M (a letter may get creased or
    /// stained), with QRCoder's quiet zone of four light modules on every side; true is dark.
    /// </summary>
    public static bool[,] Modules(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var size = rows.Count;
        var modules = new bool[size, size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                modules[y, x] = rows[y][x];
            }
        }

        return modules;
    }

    /// <summary>A rectangle of dark modules: column, row, width and height in modules.</summary>
    public readonly record struct Block(int X, int Y, int Width, int Height);

    /// <summary>
    /// The dark modules as rectangles that exactly cover them without overlap: each row's horizontal runs, and a run
    /// with the same columns as one directly above it extends that rectangle downwards (finder patterns, timing
    /// lines and other vertical stripes become one rectangle each).
    /// </summary>
    public static List<Block> Blocks(bool[,] modules)
    {
        var size = modules.GetLength(0);
        var done = new List<Block>();
        // Rectangles still growing downwards, by their columns (start, width).
        var open = new Dictionary<(int X, int Width), Block>();
        var next = new Dictionary<(int X, int Width), Block>();
        for (var y = 0; y < size; y++)
        {
            next.Clear();
            for (var x = 0; x < size; x++)
            {
                if (!modules[y, x])
                {
                    continue;
                }

                var start = x;
                while (x + 1 < size && modules[y, x + 1])
                {
                    x++;
                }

                var key = (start, x - start + 1);
                next[key] = open.Remove(key, out var above) ? above with { Height = above.Height + 1 } : new Block(start, y, key.Item2, 1);
            }

            done.AddRange(open.Values);
            (open, next) = (next, open);
        }

        done.AddRange(open.Values);
        return done;
    }
}
