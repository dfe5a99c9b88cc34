namespace DanVan.Registries.Duplicates;

/// <summary>A petition or reception as the duplicate finder sees it.</summary>
/// <param name="Key">Identifies the record ("P:123" a petition, "R:45" a reception).</param>
/// <param name="UnitPath">Materialised path of the unit that recorded it ("/1/12/").</param>
/// <param name="Date">Received date.</param>
/// <param name="Name">The citizen's name as written.</param>
/// <param name="IdHash">Keyed hash of the ID number, compared exactly; null when no ID was given.</param>
/// <param name="Address">The citizen's address as written.</param>
/// <param name="Phone">The citizen's phone as written.</param>
/// <param name="Matter">The matter summary (free text).</param>
/// <param name="Kind">Kind of matter (khiếu nại, tố cáo, …), when known.</param>
/// <param name="Field">Field (đất đai, chính sách, …), when known.</param>
public sealed record DuplicateRecord(string Key, string UnitPath, DateOnly Date, string? Name, string? IdHash, string? Address,
    string? Phone, string Matter, string? Kind, string? Field);

/// <summary>Why a pair was suggested: one field's comparison.</summary>
/// <param name="Field">"name", "idNumber", "address", "phone", "date" or "matter".</param>
/// <param name="Level">"exact", "close", "different" or "missing".</param>
/// <param name="Similarity">0–1 (for the date: 1 on the same day, 0 a year or more apart).</param>
/// <param name="Weight">Evidence in bits (log₂ of m/u): positive for a match, negative against, 0 when missing.</param>
public sealed record MatchReason(string Field, string Level, double Similarity, double Weight);

/// <summary>A suggested pair of records about the same matter from the same person.</summary>
/// <param name="LeftKey">The key that sorts first (ordinal).</param>
/// <param name="RightKey">The other key.</param>
/// <param name="Probability">Probability (0–1) that both records are the same person's same matter.</param>
/// <param name="Reasons">One reason per field, in the order name, idNumber, address, phone, date, matter.</param>
public sealed record DuplicateCandidate(string LeftKey, string RightKey, double Probability, IReadOnlyList<MatchReason> Reasons);

/// <summary>Pairs never to be suggested: rejected by a person ("not the same") or already in one case.</summary>
public sealed class DuplicateExclusions
{
    private readonly HashSet<(string, string)> _pairs = [];
    private readonly Dictionary<string, string> _caseOf = new(StringComparer.Ordinal);

    /// <summary>Nothing excluded.</summary>
    public static DuplicateExclusions None => new();

    /// <summary>Exclusions from pairs already decided (e.g. <c>Cases.DecidedPairsAsync</c>, either order) and each record's case, when it has one.</summary>
    public static DuplicateExclusions Of(IEnumerable<(string, string)> decided, IEnumerable<(string Key, string CaseKey)>? cases = null)
    {
        ArgumentNullException.ThrowIfNull(decided);
        var e = new DuplicateExclusions();
        foreach (var (a, b) in decided) e.Reject(a, b);
        foreach (var (key, caseKey) in cases ?? []) e.InCase(key, caseKey);
        return e;
    }

    /// <summary>Remembers that a person said <paramref name="a"/> and <paramref name="b"/> are not the same (either order).</summary>
    public DuplicateExclusions Reject(string a, string b)
    {
        _pairs.Add(Order(a, b));
        return this;
    }

    /// <summary>Records that <paramref name="key"/> belongs to case <paramref name="caseKey"/>: pairs inside one case are not suggested.</summary>
    public DuplicateExclusions InCase(string key, string caseKey)
    {
        _caseOf[key] = caseKey;
        return this;
    }

    /// <summary>Whether the pair is excluded.</summary>
    public bool Excludes(string a, string b) =>
        _pairs.Contains(Order(a, b)) || (_caseOf.TryGetValue(a, out var ca) && _caseOf.TryGetValue(b, out var cb) && ca == cb);

    /// <summary>The pair in the order candidates use (ordinal).</summary>
    public static (string Left, string Right) Order(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}
