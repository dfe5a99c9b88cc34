using DanVan.Registries;
using DanVan.Web.Api.Registries;
using DanVan.Web.Infrastructure;

namespace DanVan.Web.Registries;

/// <summary>The registries in the web host: the personal-data key, the time-limit table, their API routes.</summary>
public static class RegistriesSetup
{
    /// <summary>Registers the personal-data key (configuration <c>Registries:PersonalDataKey</c>, else the file
    /// <c>Registries:PersonalDataKeyFile</c>, else <c>personal-data.key</c> in the data folder, created on first run; never in the
    /// database) and the time limits (<c>Registries:TimeLimits</c>: kind, days, basis; defaults otherwise).</summary>
    public static WebApplicationBuilder AddRegistries(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var data = sp.GetRequiredService<DataFolder>();
            return PersonalDataProtector.Resolve(config["Registries:PersonalDataKey"] ?? Environment.GetEnvironmentVariable(PersonalDataProtector.KeyVariable),
                config["Registries:PersonalDataKeyFile"], Path.Combine(data.Path, "personal-data.key"));
        });
        builder.Services.AddSingleton(sp => new TimeLimitTable(sp.GetRequiredService<IConfiguration>().GetSection("Registries:TimeLimits").Get<List<TimeLimit>>()));
        return builder;
    }

    /// <summary>Maps the registries' API under /api/v1.</summary>
    public static RouteGroupBuilder MapRegistriesApi(this RouteGroupBuilder api) => api.MapCitizenRegistriesApi();
}
