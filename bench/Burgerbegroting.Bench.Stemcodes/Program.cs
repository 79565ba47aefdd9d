using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Stemcodes;
using Burgerbegroting.Web;
using Burgerbegroting.Web.Editions.Demo;
using Burgerbegroting.Web.Stemcodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

// Stemcode letters for a whole city: codes for every eligible resident spread over the buurten, (a) generated, hashed
// for storage and written as the print house's CSV (target: under 60 s), and (b) printed as PDF letters, one file per
// buurt (target: files a print house can take, under about 100 MB each). The machine is shared and noisy, so every
// time is also given as a ratio to a reference measured in the same run. Usage:
//   dotnet run -c Release --project bench/Burgerbegroting.Bench.Stemcodes -- [--codes 150000] [--buurten 17]
//       [--parallel 1] [--no-pdf] [--out DIR] [--keep]
var codes = Option("--codes", 150_000);
var buurtCount = Math.Min(Option("--buurten", DemoCity.Buurten.Length), DemoCity.Buurten.Length);
var parallel = Option("--parallel", 1);
var keep = args.Contains("--keep");
var outIndex = Array.IndexOf(args, "--out");
var folder = outIndex >= 0 ? args[outIndex + 1] : Path.Combine(Path.GetTempPath(), $"stemcode-bench-{Environment.ProcessId}");
Directory.CreateDirectory(folder);
Console.WriteLine($"{codes:N0} codes over {buurtCount} buurten; {Environment.ProcessorCount} cores; load average {LoadAverage()}; output in {folder}");

var set = new LetterSet(
    "Gemeente Maastricht",
    "Burgerbegroting Maastricht 2027",
    [
        new LetterRound(RoundKind.ThemeChoice, new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 14)),
        new LetterRound(RoundKind.BudgetSplit, new DateOnly(2027, 4, 5), new DateOnly(2027, 4, 18)),
        new LetterRound(RoundKind.Selection, null, null),
    ],
    new Uri("https://stemmen.maastricht.nl/stemmen/code"));
var text = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources")
    .BuildServiceProvider().GetRequiredService<IStringLocalizer<SharedResource>>();

// Warm-up on a few codes so the first timed step does not pay for JIT alone.
var warmSeed = StemcodeGenerator.NewSeed();
var warmLetters = Enumerable.Range(0, 20).Select(i => new Letter(StemcodeGenerator.Code(warmSeed, i), "Wyck", "A. Janssen", "6221BW", "1")).ToList();
LetterPdf.Write(Stream.Null, set, warmLetters, text);
PrintFile.Write(Stream.Null, set, warmLetters);
_ = Sha256Reference(1000);

// Reference: SHA-256 of as many short strings as there are codes, the median of 5 runs.
var reference = Enumerable.Range(0, 5).Select(_ => Time(() => Sha256Reference(codes))).Order().ElementAt(2);
Console.WriteLine($"reference, SHA-256 of {codes:N0} short strings (median of 5): {Ms(reference)}");

// (a) Codes from a fresh seed, each hashed as it is stored, with an invented addressee in a buurt chosen by weight.
var seed = StemcodeGenerator.NewSeed();
var hasher = new StemcodeHasher(RandomNumberGenerator.GetBytes(32));
var random = new Random(2027);
var buurten = DemoCity.Buurten.Take(buurtCount).ToArray();
// Buurten differ in size: weights 3 to 10, so the largest file is about twice the average.
var weights = buurten.Select((_, i) => 3 + (i * 7 % 8)).ToArray();
var letters = new Letter[codes];
var hashes = new byte[codes][];
var generate = Time(() =>
{
    for (var i = 0; i < codes; i++)
    {
        var code = StemcodeGenerator.Code(seed, i);
        hashes[i] = hasher.Hash(code);
        var (buurt, area) = buurten[Pick(random, weights)];
        letters[i] = new Letter(code, buurt, Name(random), Postcode(random, area), HouseNumber(random));
    }
});
var csvFile = Path.Combine(folder, "stemcodes.csv");
var csv = Time(() =>
{
    using var file = File.Create(csvFile);
    PrintFile.Write(file, set, letters);
});
var csvSize = new FileInfo(csvFile).Length;
var partA = generate + csv;

// (b) The letters, one PDF per buurt.
var files = new List<(string Buurt, int Pages, double Ms, long Bytes)>();
var pdf = 0.0;
long peak = 0;
if (!args.Contains("--no-pdf"))
{
    var groups = letters.GroupBy(l => l.Buurt).ToList();
    pdf = Time(() => Parallel.ForEach(groups, new ParallelOptions { MaxDegreeOfParallelism = parallel }, group =>
    {
        var path = Path.Combine(folder, $"brieven-{Slug(group.Key)}.pdf");
        var ms = Time(() =>
        {
            using var file = File.Create(path);
            LetterPdf.Write(file, set, group, text);
        });
        lock (files)
        {
            files.Add((group.Key, group.Count(), ms, new FileInfo(path).Length));
        }
    }));
    peak = Process.GetCurrentProcess().PeakWorkingSet64;
}

Console.WriteLine();
Console.WriteLine($"| what | target | measured | ÷ SHA-256 reference |");
Console.WriteLine($"|---|---|---|---|");
Row("generate + hash codes", "—", Ms(generate), generate / reference);
Row($"write CSV ({csvSize / 1024.0 / 1024.0:F1} MB)", "—", Ms(csv), csv / reference);
Row("(a) generate + hash + CSV", "< 60 s", $"{Ms(partA)} {(partA < 60_000 ? "(met)" : "(MISSED)")}", partA / reference);
if (files.Count > 0)
{
    var largest = files.MaxBy(f => f.Bytes);
    var total = files.Sum(f => f.Bytes);
    Row($"(b) PDF letters, {files.Count} files, {codes:N0} pages, parallel {parallel}", "—", $"{Ms(pdf)}, {codes / (pdf / 1000):F0} pages/s", pdf / reference);
    Row("(b) PDF time ÷ CSV time", "—", $"{pdf / csv:F0}×", double.NaN);
    Row($"(b) PDF total size", "—", $"{total / 1024.0 / 1024.0:F1} MB, {total / (double)codes / 1024:F1} KB/page", double.NaN);
    Row($"(b) largest file: {largest.Buurt}, {largest.Pages:N0} pages", "< 100 MB", $"{largest.Bytes / 1024.0 / 1024.0:F1} MB in {Ms(largest.Ms)} {(largest.Bytes < 100L * 1024 * 1024 ? "(met)" : "(MISSED)")}", largest.Ms / reference);
    Row("peak working set", "—", $"{peak / 1024.0 / 1024.0:F0} MB", double.NaN);
    Console.WriteLine();
    foreach (var f in files.OrderBy(f => f.Buurt, StringComparer.Ordinal))
    {
        Console.WriteLine($"  {f.Buurt,-18} {f.Pages,7:N0} pages {f.Bytes / 1024.0 / 1024.0,7:F1} MB {Ms(f.Ms),10} {f.Pages / (f.Ms / 1000),6:F0} pages/s");
    }
}

Console.WriteLine($"load average at the end {LoadAverage()}");
if (!keep)
{
    Directory.Delete(folder, recursive: true);
}

return partA < 60_000 && files.All(f => f.Bytes < 100L * 1024 * 1024) ? 0 : 1;

static int Sha256Reference(int count)
{
    Span<byte> hash = stackalloc byte[32];
    var sum = 0;
    for (var i = 0; i < count; i++)
    {
        SHA256.HashData(Encoding.ASCII.GetBytes($"stemcode-{i:D8}"), hash);
        sum += hash[0];
    }

    return sum;
}

static double Time(Action action)
{
    var watch = Stopwatch.StartNew();
    action();
    return watch.Elapsed.TotalMilliseconds;
}

static int Pick(Random random, int[] weights)
{
    var n = random.Next(weights.Sum());
    for (var i = 0; i < weights.Length; i++)
    {
        n -= weights[i];
        if (n < 0)
        {
            return i;
        }
    }

    return weights.Length - 1;
}

static string Name(Random random)
{
    string[] initials = ["A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "J.", "K.", "L.", "M.", "N.", "P.", "R.", "S.", "T.", "W."];
    string[] surnames = ["Janssen", "Smeets", "Houben", "Vossen", "Lemmens", "Schreurs", "Ramakers", "Habets", "Wouters", "Bemelmans", "Vaessen", "Coenen", "Op de Beeck", "Wójcik", "El Amrani", "Çelik"];
    var name = $"{initials[random.Next(initials.Length)]} {surnames[random.Next(surnames.Length)]}";
    return random.Next(4) == 0 ? $"{name}-{surnames[random.Next(surnames.Length)]}" : name;
}

static string Postcode(Random random, string area)
{
    var digits = area.Split('-')[0];
    const string letters = "ABCDEGHJKLMNPRTVWXZ";
    return $"{digits}{letters[random.Next(letters.Length)]}{letters[random.Next(letters.Length)]}";
}

static string HouseNumber(Random random) =>
    random.Next(6) == 0 ? $"{random.Next(1, 250)} {(char)('A' + random.Next(4))}" : random.Next(1, 250).ToString(CultureInfo.InvariantCulture);

static string Slug(string buurt) => string.Concat(buurt.Normalize(NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant();

static string Ms(double ms) => ms < 10_000 ? $"{ms.ToString("F0", CultureInfo.InvariantCulture)} ms" : $"{(ms / 1000).ToString("F1", CultureInfo.InvariantCulture)} s";

static void Row(string what, string target, string measured, double ratio) =>
    Console.WriteLine($"| {what} | {target} | {measured} | {(double.IsNaN(ratio) ? "" : ratio.ToString("F1", CultureInfo.InvariantCulture) + "×")} |");

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
