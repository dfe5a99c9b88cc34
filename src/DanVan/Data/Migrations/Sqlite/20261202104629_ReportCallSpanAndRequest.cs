using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportCallSpanAndRequest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ReportCalls",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RequestDate",
                table: "ReportCalls",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestIssuer",
                table: "ReportCalls",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestKind",
                table: "ReportCalls",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestNumber",
                table: "ReportCalls",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestTitle",
                table: "ReportCalls",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SpanFrom",
                table: "ReportCalls",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SpanTo",
                table: "ReportCalls",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ReportCalls");

            migrationBuilder.DropColumn(
                name: "RequestDate",
                table: "ReportCalls");

            migrationBuilder.DropColumn(
                name: "RequestIssuer",
                table: "ReportCalls");

            migrationBuilder.DropColumn(
                name: "RequestKind",
                table: "ReportCalls");

            migrationBuilder.DropColumn(
                name: "RequestNumber",
                table: "ReportCalls");

            migrationBuilder.DropColumn(
                name: "RequestTitle",
                table: "ReportCalls");

            migrationBuilder.DropColumn(
                name: "SpanFrom",
                table: "ReportCalls");

            migrationBuilder.DropColumn(
                name: "SpanTo",
                table: "ReportCalls");
        }
    }
}
