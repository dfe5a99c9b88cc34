using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportingPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "Periods",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LevelDeadlines",
                table: "Periods",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "Periods",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WindowFrom",
                table: "Periods",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "WindowTo",
                table: "Periods",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Every period so far is a year's evaluation: kind Year, number 1, the annual data window 15/12 – 14/12 (Nghị định 09/2019/NĐ-CP).
            migrationBuilder.Sql("""UPDATE "Periods" SET "WindowFrom" = make_date("Year" - 1, 12, 15), "WindowTo" = make_date("Year", 12, 14);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Periods");

            migrationBuilder.DropColumn(
                name: "LevelDeadlines",
                table: "Periods");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Periods");

            migrationBuilder.DropColumn(
                name: "WindowFrom",
                table: "Periods");

            migrationBuilder.DropColumn(
                name: "WindowTo",
                table: "Periods");
        }
    }
}
