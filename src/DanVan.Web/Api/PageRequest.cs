using DanVan.Refusals;
using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Api;

/// <summary>Paging of every list of the API, bound from the query string with [AsParameters].</summary>
/// <param name="PageIndex">Zero-based page number.</param>
/// <param name="PageSize">Items per page, 1–100.</param>
public sealed record PageRequest(
    [property: Description("Zero-based page number.")][FromQuery(Name = "pageIndex")] int PageIndex = 0,
    [property: Description("Items per page, 1–100.")][FromQuery(Name = "pageSize")] int PageSize = PageRequest.DefaultPageSize)
{
    /// <summary>Items per page when none is asked for.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>What is wrong with the paging values, or empty.</summary>
    public IReadOnlyList<Refusal> Problems()
    {
        var problems = new List<Refusal>();
        if (PageIndex < 0) problems.Add(Refusal.Of("request.pageIndex", Where.AtField("pageIndex"), ("pageIndex", PageIndex)));
        if (PageSize is < 1 or > MaxPageSize) problems.Add(Refusal.Of("request.pageSize", Where.AtField("pageSize"), ("pageSize", PageSize), ("max", MaxPageSize)));
        return problems;
    }

    /// <summary>Counts the query and reads one page of it, projected by the caller beforehand.</summary>
    public async Task<PagedList<T>> ReadAsync<T>(IQueryable<T> query, CancellationToken ct)
    {
        var count = await query.CountAsync(ct);
        var items = await query.Skip(PageIndex * PageSize).Take(PageSize).ToListAsync(ct);
        return new PagedList<T>(PageIndex, PageSize, count, items);
    }

    /// <summary>One page of an in-memory list.</summary>
    public PagedList<T> Slice<T>(IReadOnlyList<T> all) =>
        new(PageIndex, PageSize, all.Count, all.Skip(PageIndex * PageSize).Take(PageSize).ToList());
}

/// <summary>One page of a list: where it is, the total count, the items.</summary>
public sealed record PagedList<T>(int PageIndex, int PageSize, int Count, IReadOnlyList<T> Items);
