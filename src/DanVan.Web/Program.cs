using DanVan.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddDanVanWeb();

var app = builder.Build();
await app.PrepareDatabaseAsync(args);
app.UseDanVanWeb();
app.MapDanVanWeb();
await app.RunAsync();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
