using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Infrastructure;

/// <summary>Small pieces every page uses: the notice after a redirect, located problems as field errors, the version check.</summary>
public static class PageHelpers
{
    private const string NoticeKey = "notice";

    /// <summary>Keeps a one-line notice for the page shown after the redirect (post-redirect-get).</summary>
    public static void Notice(this ITempDataDictionary tempData, string text) => tempData[NoticeKey] = text;

    /// <summary>The notice kept by the previous request, if any.</summary>
    public static string? Notice(this ITempDataDictionary tempData) => tempData[NoticeKey] as string;

    /// <summary>
    /// Makes the save of <paramref name="assessment"/> conditional on the version the user's form was built from:
    /// the row is updated only if nobody saved in between, and its version then moves on by one.
    /// </summary>
    public static void ExpectVersion(this DanVanDbContext db, Assessment assessment, int formVersion)
    {
        var entry = db.Entry(assessment);
        entry.Property(a => a.Version).OriginalValue = formVersion;
        entry.Property(a => a.Version).IsModified = true;
    }

    /// <summary>True when the assessment changed since the form was built (checked again by the database on save).</summary>
    public static bool IsStale(this Assessment assessment, int formVersion) => assessment.Version != formVersion;

    /// <summary>Saves once; a concurrent save by someone else becomes the Vietnamese "reload" error and false.</summary>
    public static async Task<bool> TrySaveAsync(this DanVanDbContext db, ModelStateDictionary modelState, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (SaveConflicts.IsLostRace(ex))
        {
            modelState.AddModelError("", UiText.ConcurrencyConflict);
            return false;
        }
    }
}
