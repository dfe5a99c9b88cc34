using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DanVan.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UnitDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "InsufficientAt",
                table: "Evidence",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InsufficientBy",
                table: "Evidence",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InsufficientReason",
                table: "Evidence",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitDocumentId",
                table: "Evidence",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UnitDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Issuer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    StoredName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FileType = table.Column<int>(type: "integer", nullable: true),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AddedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitDocuments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitDocumentContents",
                columns: table => new
                {
                    UnitDocumentId = table.Column<int>(type: "integer", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitDocumentContents", x => x.UnitDocumentId);
                    table.ForeignKey(
                        name: "FK_UnitDocumentContents_UnitDocuments_UnitDocumentId",
                        column: x => x.UnitDocumentId,
                        principalTable: "UnitDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_UnitDocumentId",
                table: "Evidence",
                column: "UnitDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitDocuments_UnitId_IssuedOn",
                table: "UnitDocuments",
                columns: new[] { "UnitId", "IssuedOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_UnitDocuments_UnitDocumentId",
                table: "Evidence",
                column: "UnitDocumentId",
                principalTable: "UnitDocuments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_UnitDocuments_UnitDocumentId",
                table: "Evidence");

            migrationBuilder.DropTable(
                name: "UnitDocumentContents");

            migrationBuilder.DropTable(
                name: "UnitDocuments");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_UnitDocumentId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "InsufficientAt",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "InsufficientBy",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "InsufficientReason",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "UnitDocumentId",
                table: "Evidence");
        }
    }
}
