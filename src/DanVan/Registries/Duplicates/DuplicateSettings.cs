namespace DanVan.Registries.Duplicates;

/// <summary>m, u and s probabilities of one comparison level (see <see cref="DuplicateSettings"/>).</summary>
/// <param name="M">P(level | same person, same matter).</param>
/// <param name="U">P(level | different persons).</param>
/// <param name="S">P(level | same person, another matter); only the matter and date fields use it.</param>
public readonly record struct LevelOdds(double M, double U, double S = double.NaN);

/// <summary>
/// The de-duplication model: a Fellegi–Sunter model (as in Splink) with two kinds of non-match, "another person"
/// and "the same person, another matter". Identity fields (name, ID, address, phone) tell the person; the matter's
/// text and the date tell the matter. Defaults are the level frequencies measured on the bench's labelled population (<c>duplicates --calibrate</c>),
/// rounded towards caution (ID and phone agreement below 1, some matters summarised in other words).
/// </summary>
public sealed record DuplicateSettings
{
    /// <summary>The suggested threshold: candidates at or above it are shown.</summary>
    public const double SuggestedThreshold = 0.9;

    /// <summary>Default settings.</summary>
    public static DuplicateSettings Default { get; } = new();

    /// <summary>Probability at or above which a pair is returned.</summary>
    public double Threshold { get; init; } = SuggestedThreshold;

    /// <summary>
    /// Expected duplicate pairs per record; the prior is this over the number of records (at least 10,000). 0.5: a
    /// district's 2022 report counts 419 receptions for 136 cases after de-duplication (about three records a case).
    /// </summary>
    public double DuplicatesPerRecord { get; init; } = 0.5;

    /// <summary>Among pairs by the same person, other matters per same-matter pair (the second non-match's prior).</summary>
    public double OtherMattersPerSameMatter { get; init; } = 0.5;

    /// <summary>Jaro–Winkler at or above which two names with the same given name are "close".</summary>
    public double NameClose { get; init; } = 0.88;

    /// <summary>Jaro–Winkler at or above which two addresses in different communes are still "close".</summary>
    public double AddressClose { get; init; } = 0.92;

    /// <summary>Trigram Jaccard of the matter's text at or above which it is "exact" (near-identical).</summary>
    public double MatterExact { get; init; } = 0.6;

    /// <summary>Trigram Jaccard at or above which the matter's text is "close" (a paraphrase).</summary>
    public double MatterClose { get; init; } = 0.3;

    /// <summary>Days apart at most for the date to be "exact".</summary>
    public int DateExactDays { get; init; } = 45;

    /// <summary>Days apart at most for the date to be "close".</summary>
    public int DateCloseDays { get; init; } = 365;

    /// <summary>Records needed before name and address frequencies in the data replace the default u (term-frequency adjustment).</summary>
    public int TermFrequencyMinRecords { get; init; } = 1000;

    /// <summary>Blocks larger than this are not compared pair by pair (another blocking rule must find their pairs).</summary>
    public int MaxBlockSize { get; init; } = 1500;

    /// <summary>The name-only blocking rule is used for names shared by at most this many records (rare names).</summary>
    public int MaxNameOnlyBlockSize { get; init; } = 60;

    /// <summary>Name: exact (same tokens in Vietnamese order).</summary>
    public LevelOdds NameExact { get; init; } = new(0.95, 1e-3);

    /// <summary>Name: close (same given name, Jaro–Winkler ≥ <see cref="NameClose"/>).</summary>
    public LevelOdds NameCloseOdds { get; init; } = new(0.035, 4.6e-3);

    /// <summary>Name: different.</summary>
    public LevelOdds NameDifferent { get; init; } = new(0.015, 0.995);

    /// <summary>ID number (keyed hash): exact.</summary>
    public LevelOdds IdExact { get; init; } = new(0.98, 1e-7);

    /// <summary>ID number: different.</summary>
    public LevelOdds IdDifferent { get; init; } = new(0.02, 1.0);

    /// <summary>Phone: exact.</summary>
    public LevelOdds PhoneExact { get; init; } = new(0.90, 2e-5);

    /// <summary>Phone: different.</summary>
    public LevelOdds PhoneDifferent { get; init; } = new(0.10, 1.0);

    /// <summary>Address: exact (same normalised text, province left out).</summary>
    public LevelOdds AddressExact { get; init; } = new(0.84, 1e-3);

    /// <summary>Address: close (same commune, or Jaro–Winkler ≥ <see cref="AddressClose"/>).</summary>
    public LevelOdds AddressCloseOdds { get; init; } = new(0.15, 6.7e-3);

    /// <summary>Address: different.</summary>
    public LevelOdds AddressDifferent { get; init; } = new(0.01, 0.992);

    /// <summary>Matter text: near-identical.</summary>
    public LevelOdds MatterExactOdds { get; init; } = new(0.50, 2e-3, 1e-3);

    /// <summary>Matter text: paraphrase.</summary>
    public LevelOdds MatterCloseOdds { get; init; } = new(0.42, 4e-3, 5e-3);

    /// <summary>Matter text: different.</summary>
    public LevelOdds MatterDifferent { get; init; } = new(0.08, 0.994, 0.994);

    /// <summary>Date: within <see cref="DateExactDays"/>.</summary>
    public LevelOdds DateExact { get; init; } = new(0.25, 0.06, 0.06);

    /// <summary>Date: within <see cref="DateCloseDays"/>.</summary>
    public LevelOdds DateCloseOdds { get; init; } = new(0.70, 0.38, 0.39);

    /// <summary>Date: further apart.</summary>
    public LevelOdds DateDifferent { get; init; } = new(0.05, 0.56, 0.55);
}
