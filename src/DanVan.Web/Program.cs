using DanVan.Web.Infrastructure;

// "--demo" is a switch, not configuration: the command-line provider would take the next argument as its value.
var builder = WebApplication.CreateBuilder(args.Where(a => a != WebSetup.DemoSwitch).ToArray());
builder.AddDanVanWeb();

var app = builder.Build();
await app.PrepareDatabaseAsync(args);
app.UseDanVanWeb();
app.MapDanVanWeb();
await app.RunAsync();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
