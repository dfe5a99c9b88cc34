using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScopePaths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Path",
                table: "Units",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Units_Path",
                table: "Units",
                column: "Path");

            // Existing units get their path: top units first, then each level below (parentage only, as OrgTree).
            migrationBuilder.Sql(
                """
                WITH RECURSIVE p("Id", "Path") AS (
                    SELECT "Id", '/' || CAST("Id" AS TEXT) || '/' FROM "Units" WHERE "ParentId" IS NULL
                    UNION ALL
                    SELECT u."Id", p."Path" || CAST(u."Id" AS TEXT) || '/' FROM "Units" u JOIN p ON u."ParentId" = p."Id"
                )
                UPDATE "Units" SET "Path" = (SELECT p."Path" FROM p WHERE p."Id" = "Units"."Id");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Units_Path",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "Path",
                table: "Units");
        }
    }
}
