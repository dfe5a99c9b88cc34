global using Shouldly;
global using Xunit;
global using DanVan.TestSupport;
