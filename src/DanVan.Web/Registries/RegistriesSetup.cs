using DanVan.Registries;
using DanVan.Web.Infrastructure;

namespace DanVan.Web.Registries;

/// <summary>Citizen registries in the web host: the personal-data key and the table of legal time limits.</summary>
public static class RegistriesSetup
{
    /// <summary>The key file's name when neither <c>Registries:PersonalDataKey</c> nor <c>Registries:PersonalDataKeyFile</c> is set.</summary>
    public const string DefaultKeyFile = "personal-data.key";

    /// <summary>Registers the <see cref="PersonalDataProtector"/> and the <see cref="TimeLimitTable"/> from configuration.</summary>
    /// <remarks>The key stays outside the database (Nghị định 13/2023/NĐ-CP): a base64 value in <c>Registries:PersonalDataKey</c>
    /// (an environment variable in production), or a file named by <c>Registries:PersonalDataKeyFile</c>, by default
    /// <c>personal-data.key</c> in the data folder beside the SQLite file, created on first start.</remarks>
    public static WebApplicationBuilder AddRegistries(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        builder.Services.AddSingleton(sp =>
        {
            if (config["Registries:PersonalDataKey"] is { Length: > 0 } key) return PersonalDataProtector.FromBase64(key);
            var file = config["Registries:PersonalDataKeyFile"] is { Length: > 0 } f
                ? f
                : Path.Combine(sp.GetRequiredService<DataFolder>().Path, DefaultKeyFile);
            return PersonalDataProtector.FromKeyFile(file);
        });
        builder.Services.AddSingleton(_ => TimeLimitsFrom(config.GetSection("Registries:TimeLimits")));
        return builder;
    }

    /// <summary>The table of time limits: the defaults, with any kind the section names replaced
    /// (<c>Registries:TimeLimits:complaint:Days</c>, <c>…:Basis</c>; a kind may be written as the API's code or in Vietnamese).</summary>
    /// <exception cref="InvalidOperationException">A kind or a number of days the configuration gets wrong (shown at start).</exception>
    public static TimeLimitTable TimeLimitsFrom(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var rows = new List<TimeLimit>();
        foreach (var child in section.GetChildren())
        {
            if (!RegistryTerms.TryParse<MatterKind>(child.Key, out var kind))
                throw new InvalidOperationException($"Registries:TimeLimits: '{child.Key}' is not a kind of matter");
            var fallback = TimeLimitTable.Defaults.Single(d => d.Kind == kind);
            var days = child.GetValue<int?>("Days") ?? fallback.Days;
            if (days < 1) throw new InvalidOperationException($"Registries:TimeLimits:{child.Key}:Days must be at least 1");
            rows.Add(new TimeLimit(kind, days, child["Basis"] is { Length: > 0 } basis ? basis : fallback.Basis));
        }
        return new TimeLimitTable(rows);
    }
}
