using DanVan.Web.Accounts;
using DanVan.Web.Api;
using DanVan.Web.Api.Reports;
using DanVan.Web.Criteria;
using DanVan.Web.Evaluations;
using DanVan.Web.Infrastructure;
using DanVan.Web.OrgUnits;
using DanVan.Web.Registries;
using DanVan.Web.Reports;
using DanVan.Web.Statistics;

// "--demo" is a switch, not configuration: the command-line provider would take the next argument as its value.
var builder = WebApplication.CreateBuilder(args.Where(a => a != WebSetup.DemoSwitch).ToArray());
builder.AddDanVanStorage();
builder.AddDanVanPages();
builder.AddDanVanApi();
builder.AddAccounts();
builder.AddOrgUnits();
builder.AddCriteria();
builder.AddEvaluations();
builder.AddReports();
builder.AddStatistics();
builder.AddRegistries();
builder.AddDanVanOperations();

var app = builder.Build();
await app.PrepareDatabaseAsync(args);
app.UseDanVanWeb();
app.MapDanVanOperations();
app.MapRazorPages();
var api = app.MapDanVanApi();
api.MapEvaluationsApi();
api.MapAccountsApi();
api.MapStatisticsApi();
api.MapRegistriesApi();
api.MapWorkRegistriesApi();
api.MapReportsApi();
api.MapReportCallsApi();
await app.RunAsync();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
