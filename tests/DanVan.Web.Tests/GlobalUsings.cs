global using Shouldly;
global using Xunit;
global using DanVan.TestSupport;
global using DanVan.TestSupport.Reports;
