using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportDraftKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportDrafts_ScopeUnitId_Year",
                table: "ReportDrafts");

            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "ReportDrafts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_ReportDrafts_ScopeUnitId_Year_Key",
                table: "ReportDrafts",
                columns: new[] { "ScopeUnitId", "Year", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportDrafts_ScopeUnitId_Year_Key",
                table: "ReportDrafts");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "ReportDrafts");

            migrationBuilder.CreateIndex(
                name: "IX_ReportDrafts_ScopeUnitId_Year",
                table: "ReportDrafts",
                columns: new[] { "ScopeUnitId", "Year" },
                unique: true);
        }
    }
}
