using System.Collections.Concurrent;
using System.Diagnostics;
using F23.StringSimilarity;

namespace DanVan.Registries.Duplicates;

/// <summary>What a run did: records, pairs compared and how long each step took.</summary>
/// <param name="Records">Records read.</param>
/// <param name="PairsCompared">Distinct pairs scored (after blocking).</param>
/// <param name="BlocksSkipped">Blocks over the size limit, left to the other rules.</param>
/// <param name="Prepare">Normalising every record.</param>
/// <param name="Blocking">Building the blocks.</param>
/// <param name="Scoring">Scoring the pairs and building the candidates.</param>
public sealed record DuplicateRunStats(int Records, long PairsCompared, int BlocksSkipped, TimeSpan Prepare, TimeSpan Blocking, TimeSpan Scoring);

/// <summary>Candidates of a run with what the run did.</summary>
/// <param name="Candidates">Pairs at or above the threshold, most probable first.</param>
/// <param name="Stats">Counts and times.</param>
public sealed record DuplicateResult(IReadOnlyList<DuplicateCandidate> Candidates, DuplicateRunStats Stats);

/// <summary>
/// Finds pairs of records that are probably the same person's same matter, across every unit given (the whole province).
/// Pairs come from blocking rules (same ID hash; same phone; same name in any order in the same commune; same family and
/// given name in the same commune; same rare name anywhere), never all pairs; each pair is scored field by field
/// (<see cref="DuplicateSettings"/>), with name and address weights adjusted by how common the value is in the data.
/// </summary>
public static class DuplicateFinder
{
    private static readonly JaroWinkler Jw = new();
    private const int RuleCount = 5;

    /// <summary>Candidates at or above <see cref="DuplicateSettings.Threshold"/>, most probable first, leaving out excluded pairs.</summary>
    public static IReadOnlyList<DuplicateCandidate> Find(IReadOnlyList<DuplicateRecord> records, DuplicateSettings settings, DuplicateExclusions? exclude = null) =>
        Run(records, settings, exclude).Candidates;

    /// <summary>Like <see cref="Find"/>, with counts and times.</summary>
    public static DuplicateResult Run(IReadOnlyList<DuplicateRecord> records, DuplicateSettings settings, DuplicateExclusions? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(settings);
        var watch = Stopwatch.StartNew();
        var model = Model.Of(records, settings);
        var prepare = watch.Elapsed;

        // Each rule: (key, record) sorted by key; equal keys form a block.
        var blocks = new List<(int Rule, long[] Keys, int[] Items, int Start, int Length)>();
        var skipped = new HashSet<long>[RuleCount];
        var skippedCount = 0;
        Parallel.For(0, RuleCount, rule =>
        {
            var keys = new List<long>(model.Records.Length);
            var items = new List<int>(model.Records.Length);
            for (var i = 0; i < model.Records.Length; i++)
                if (model.Records[i].Keys[rule] != 0) { keys.Add(model.Records[i].Keys[rule]); items.Add(i); }
            var k = keys.ToArray();
            var it = items.ToArray();
            Array.Sort(k, it);
            var limit = rule == Model.NameOnlyRule ? settings.MaxNameOnlyBlockSize : settings.MaxBlockSize;
            var found = new List<(int, long[], int[], int, int)>();
            var skip = new HashSet<long>();
            for (var s = 0; s < k.Length;)
            {
                var e = s + 1;
                while (e < k.Length && k[e] == k[s]) e++;
                if (e - s > limit) skip.Add(k[s]);
                else if (e - s > 1) found.Add((rule, k, it, s, e - s));
                s = e;
            }
            lock (blocks) { blocks.AddRange(found); skipped[rule] = skip; skippedCount += skip.Count; }
        });
        // Largest blocks first so the two cores finish together.
        blocks.Sort((a, b) => b.Length.CompareTo(a.Length));
        var blocking = watch.Elapsed;

        var hits = new ConcurrentBag<List<(int, int, double)>>();
        long compared = 0;
        Parallel.ForEach(blocks, () => (List: new List<(int, int, double)>(), Count: 0L), (block, _, local) =>
        {
            for (var x = block.Start; x < block.Start + block.Length; x++)
                for (var y = x + 1; y < block.Start + block.Length; y++)
                {
                    int i = block.Items[x], j = block.Items[y];
                    if (CoveredEarlier(model, skipped, block.Rule, i, j)) continue;
                    local.Count++;
                    var p = model.Probability(i, j, null);
                    if (p >= settings.Threshold) local.List.Add((i, j, p));
                }
            return local;
        }, local => { hits.Add(local.List); Interlocked.Add(ref compared, local.Count); });

        var candidates = new List<DuplicateCandidate>();
        foreach (var (i, j, p) in hits.SelectMany(h => h))
        {
            var (left, right) = DuplicateExclusions.Order(records[i].Key, records[j].Key);
            if (exclude?.Excludes(left, right) == true) continue;
            var reasons = new List<MatchReason>(6);
            model.Probability(i, j, reasons);
            candidates.Add(new DuplicateCandidate(left, right, p, reasons));
        }
        candidates.Sort((a, b) => b.Probability != a.Probability ? b.Probability.CompareTo(a.Probability)
            : !string.Equals(a.LeftKey, b.LeftKey, StringComparison.Ordinal) ? string.CompareOrdinal(a.LeftKey, b.LeftKey) : string.CompareOrdinal(a.RightKey, b.RightKey));
        return new DuplicateResult(candidates, new DuplicateRunStats(records.Count, compared, skippedCount, prepare, blocking - prepare, watch.Elapsed - blocking));
    }

    /// <summary>Scores one pair with its reasons (for showing a pair, whatever its probability), in the context of <paramref name="records"/>' frequencies.</summary>
    public static DuplicateCandidate Compare(IReadOnlyList<DuplicateRecord> records, int left, int right, DuplicateSettings settings) =>
        Prepare(records, settings)(left, right);

    /// <summary>Normalises every record once and returns a scorer of any pair (by index) with its reasons.</summary>
    public static Func<int, int, DuplicateCandidate> Prepare(IReadOnlyList<DuplicateRecord> records, DuplicateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(records);
        var model = Model.Of(records, settings);
        return (left, right) =>
        {
            var reasons = new List<MatchReason>(6);
            var p = model.Probability(left, right, reasons);
            var (l, r) = DuplicateExclusions.Order(records[left].Key, records[right].Key);
            return new DuplicateCandidate(l, r, p, reasons);
        };
    }

    // A pair found by an earlier rule (whose block was compared) is scored there, once.
    private static bool CoveredEarlier(Model model, HashSet<long>[] skipped, int rule, int i, int j)
    {
        var a = model.Records[i].Keys;
        var b = model.Records[j].Keys;
        for (var r = 0; r < rule; r++)
            if (a[r] != 0 && a[r] == b[r] && !skipped[r].Contains(a[r])) return true;
        return false;
    }

    private enum Level { Exact, Close, Different, Missing }

    private sealed class Prepared
    {
        public string Key = "";
        public VietnameseName? Name;
        public string? IdHash;
        public VietnameseAddress Address = null!;
        public string Phone = "";
        public int Day;
        public int[] Trigrams = [];
        public int[] Numbers = [];
        public double NameU;
        public double AddressU;
        public long[] Keys = new long[RuleCount];
    }

    private sealed class Model
    {
        public const int NameOnlyRule = 4;
        public Prepared[] Records = [];
        private DuplicateSettings _s = null!;
        private double _logPrior;
        private double _logOtherMatter;
        private double _bestMatterA, _bestMatterB, _thresholdOdds;

        public static Model Of(IReadOnlyList<DuplicateRecord> records, DuplicateSettings settings)
        {
            var prepared = new Prepared[records.Count];
            // Names and addresses repeat (the same person, common names, one village): normalise each written form once.
            var names = new ConcurrentDictionary<string, VietnameseName?>(StringComparer.Ordinal);
            var places = new ConcurrentDictionary<string, VietnameseAddress>(StringComparer.Ordinal);
            Parallel.For(0, records.Count, i => prepared[i] = Prepare(records[i], names, places));
            var n = records.Count;
            if (n >= settings.TermFrequencyMinRecords)
            {
                // Term-frequency adjustment (Splink's): u of an exact match on a value is its share of the records.
                var nameCounts = new Dictionary<string, int>(StringComparer.Ordinal);
                var addresses = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var p in prepared)
                {
                    if (p.Name is { } nm) nameCounts[nm.Canonical] = nameCounts.GetValueOrDefault(nm.Canonical) + 1;
                    if (p.Address.Canonical.Length > 0) addresses[p.Address.Canonical] = addresses.GetValueOrDefault(p.Address.Canonical) + 1;
                }
                foreach (var p in prepared)
                {
                    p.NameU = p.Name is { } nm ? (double)nameCounts[nm.Canonical] / n : settings.NameExact.U;
                    p.AddressU = p.Address.Canonical.Length > 0 ? (double)addresses[p.Address.Canonical] / n : settings.AddressExact.U;
                }
            }
            else foreach (var p in prepared) { p.NameU = settings.NameExact.U; p.AddressU = settings.AddressExact.U; }
            return new Model
            {
                Records = prepared, _s = settings,
                _logPrior = Math.Log2(settings.DuplicatesPerRecord / Math.Max(n, 10_000)),
                _logOtherMatter = Math.Log2(1 / settings.OtherMattersPerSameMatter),
                _bestMatterA = Math.Max(0, new[] { settings.MatterExactOdds, settings.MatterCloseOdds, settings.MatterDifferent }.Max(Log)),
                _bestMatterB = Math.Max(0, new[] { settings.MatterExactOdds, settings.MatterCloseOdds, settings.MatterDifferent }.Max(LogS)),
                _thresholdOdds = settings.Threshold >= 1 ? double.PositiveInfinity : settings.Threshold / (1 - settings.Threshold),
            };
        }

        private static Prepared Prepare(DuplicateRecord r, ConcurrentDictionary<string, VietnameseName?> names, ConcurrentDictionary<string, VietnameseAddress> places)
        {
            var p = new Prepared
            {
                Key = r.Key,
                Name = r.Name is null ? null : names.GetOrAdd(r.Name, VietnameseText.Name),
                IdHash = string.IsNullOrWhiteSpace(r.IdHash) ? null : r.IdHash,
                Address = r.Address is null ? VietnameseText.Address(null) : places.GetOrAdd(r.Address, VietnameseText.Address),
                Phone = VietnameseText.Phone(r.Phone),
                Day = r.Date.DayNumber,
            };
            var matter = VietnameseText.Fold(r.Matter);
            p.Trigrams = Trigrams(matter);
            p.Numbers = Numbers(matter);
            if (p.IdHash is not null) p.Keys[0] = Hash(0, p.IdHash);
            if (p.Phone.Length > 0) p.Keys[1] = Hash(1, p.Phone);
            if (p.Name is { } name)
            {
                if (p.Address.Commune.Length > 0)
                {
                    p.Keys[2] = Hash(2, name.Sorted + "|" + p.Address.Commune);
                    p.Keys[3] = Hash(3, name.Family + " " + name.Given + "|" + p.Address.Commune);
                }
                p.Keys[NameOnlyRule] = Hash(4, name.Sorted);
            }
            return p;
        }

        private static int[] Trigrams(string folded)
        {
            if (folded.Length == 0) return [];
            var padded = " " + folded + " ";
            var set = new int[Math.Max(1, padded.Length - 2)];
            for (var i = 0; i + 2 < padded.Length; i++)
                set[i] = ((padded[i] & 0x3FF) << 20) | ((padded[i + 1] & 0x3FF) << 10) | (padded[i + 2] & 0x3FF);
            Array.Sort(set);
            var n = 0;
            for (var i = 0; i < set.Length; i++) if (n == 0 || set[i] != set[n - 1]) set[n++] = set[i];
            return set[..n];
        }

        // The numbers a matter names (plot, map sheet, decision): two texts naming only different numbers are different matters.
        private static int[] Numbers(string folded)
        {
            List<int>? found = null;
            foreach (var token in folded.Split(' '))
                if (token.Length > 0 && token.All(char.IsAsciiDigit)) (found ??= []).Add(token.TrimStart('0').GetHashCode(StringComparison.Ordinal));
            if (found is null) return [];
            found.Sort();
            return [.. found.Distinct()];
        }

        private static bool Disjoint(int[] a, int[] b)
        {
            if (a.Length == 0 || b.Length == 0) return false;
            int i = 0, j = 0;
            while (i < a.Length && j < b.Length)
            {
                if (a[i] == b[j]) return false;
                if (a[i] < b[j]) i++; else j++;
            }
            return true;
        }

        private static double Jaccard(int[] a, int[] b)
        {
            int i = 0, j = 0, both = 0;
            while (i < a.Length && j < b.Length)
            {
                if (a[i] == b[j]) { both++; i++; j++; }
                else if (a[i] < b[j]) i++;
                else j++;
            }
            var jaccard = (double)both / (a.Length + b.Length - both);
            // A summary cut short (or a record that adds to the first one) contains the other text: count that too, a little less.
            var shorter = Math.Min(a.Length, b.Length);
            var contained = shorter >= 20 ? (double)both / shorter : 0;
            return contained >= 0.85 ? Math.Max(jaccard, 0.75 * contained) : jaccard;
        }

        // FNV-1a over the rule number and the text; 0 is kept for "no key".
        private static long Hash(int rule, string text)
        {
            var h = 14695981039346656037UL ^ (ulong)(rule + 1);
            foreach (var c in text) { h ^= c; h *= 1099511628211UL; }
            return h == 0 ? 1 : (long)h;
        }

        /// <summary>P(same person, same matter) for records i and j; fills <paramref name="reasons"/> when given.</summary>
        public double Probability(int i, int j, List<MatchReason>? reasons)
        {
            var a = Records[i];
            var b = Records[j];
            // The same pair scores the same whatever order the records were read in (Jaro–Winkler's rounding is not symmetric).
            if (string.CompareOrdinal(a.Key, b.Key) > 0) (a, b) = (b, a);
            var s = _s;
            // A: log-odds against "another person"; B: log-odds against "same person, another matter".
            double logA = _logPrior, logB = _logOtherMatter;

            // Name.
            if (a.Name is null || b.Name is null) Add("name", Level.Missing, 0, 0, 0);
            else if (a.Name.Canonical == b.Name.Canonical || (a.Name.Sorted == b.Name.Sorted && a.Name.Given == b.Name.Given))
                Add("name", Level.Exact, 1, Log(s.NameExact.M, a.NameU), 0);
            else
            {
                var sim = a.Name.Sorted == b.Name.Sorted ? 1 : reasons is null && a.Name.Given != b.Name.Given ? 0 : Jw.Similarity(a.Name.Canonical, b.Name.Canonical);
                if (a.Name.Given == b.Name.Given && sim >= s.NameClose) Add("name", Level.Close, sim, Log(s.NameCloseOdds), 0);
                else Add("name", Level.Different, sim, Log(s.NameDifferent), 0);
            }

            // ID number (keyed hash).
            if (a.IdHash is null || b.IdHash is null) Add("idNumber", Level.Missing, 0, 0, 0);
            else if (a.IdHash == b.IdHash) Add("idNumber", Level.Exact, 1, Log(s.IdExact), 0);
            else Add("idNumber", Level.Different, 0, Log(s.IdDifferent), 0);

            // Address.
            if (a.Address.Canonical.Length == 0 || b.Address.Canonical.Length == 0) Add("address", Level.Missing, 0, 0, 0);
            else if (a.Address.Canonical == b.Address.Canonical)
                Add("address", Level.Exact, 1, Log(s.AddressExact.M, a.AddressU), 0);
            else
            {
                var sameCommune = a.Address.Commune.Length > 0 && a.Address.Commune == b.Address.Commune
                    && (a.Address.District.Length == 0 || b.Address.District.Length == 0 || a.Address.District == b.Address.District);
                var sim = sameCommune && reasons is null ? 1 : Jw.Similarity(a.Address.Canonical, b.Address.Canonical);
                if (sameCommune || sim >= s.AddressClose) Add("address", Level.Close, sim, Log(s.AddressCloseOdds), 0);
                else Add("address", Level.Different, sim, Log(s.AddressDifferent), 0);
            }

            // Phone.
            if (a.Phone.Length == 0 || b.Phone.Length == 0) Add("phone", Level.Missing, 0, 0, 0);
            else if (a.Phone == b.Phone) Add("phone", Level.Exact, 1, Log(s.PhoneExact), 0);
            else Add("phone", Level.Different, 0, Log(s.PhoneDifferent), 0);

            // Date proximity.
            var days = Math.Abs(a.Day - b.Day);
            var dateSim = Math.Max(0, 1 - days / 365.0);
            var date = days <= s.DateExactDays ? s.DateExact : days <= s.DateCloseDays ? s.DateCloseOdds : s.DateDifferent;
            Add("date", days <= s.DateExactDays ? Level.Exact : days <= s.DateCloseDays ? Level.Close : Level.Different, dateSim, Log(date), LogS(date));

            // Scanning (no reasons wanted): stop before the text comparison when even the best matter cannot reach the threshold.
            if (reasons is null && Odds(logA + _bestMatterA, logB + _bestMatterB) < _thresholdOdds) return 0;

            // Matter text: trigram Jaccard (or containment of the shorter text).
            if (a.Trigrams.Length == 0 || b.Trigrams.Length == 0) Add("matter", Level.Missing, 0, 0, 0);
            else
            {
                var sim = Jaccard(a.Trigrams, b.Trigrams);
                var (level, matter) = Disjoint(a.Numbers, b.Numbers) ? (Level.Different, s.MatterDifferent)
                    : sim >= s.MatterExact ? (Level.Exact, s.MatterExactOdds) : sim >= s.MatterClose ? (Level.Close, s.MatterCloseOdds) : (Level.Different, s.MatterDifferent);
                Add("matter", level, sim, Log(matter), LogS(matter));
            }

            var odds = Odds(logA, logB);
            return odds / (1 + odds);

            void Add(string field, Level level, double similarity, double weightA, double weightB)
            {
                logA += weightA;
                logB += weightB;
                reasons?.Add(new MatchReason(field, level switch
                {
                    Level.Exact => "exact", Level.Close => "close", Level.Different => "different", _ => "missing",
                }, Math.Round(similarity, 3), Math.Round(weightA, 2)));
            }
        }

        // odds = 1 / (2^-A + 2^-B): both non-matches compete.
        private static double Odds(double logA, double logB) => 1 / (Math.Pow(2, -Math.Min(logA, 60)) + Math.Pow(2, -Math.Min(logB, 60)));

        private static double Log(LevelOdds o) => Math.Log2(o.M / o.U);
        private static double Log(double m, double u) => Math.Log2(m / u);
        private static double LogS(LevelOdds o) => Math.Log2(o.M / o.S);
    }
}
