using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InsufficientBy",
                table: "Evidence",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InsufficientReason",
                table: "Evidence",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitDocumentId",
                table: "Evidence",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UnitDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FileType = table.Column<int>(type: "INTEGER", nullable: true),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    UnitDocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
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
