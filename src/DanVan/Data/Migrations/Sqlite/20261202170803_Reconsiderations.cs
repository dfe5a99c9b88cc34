using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reconsiderations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReconsiderationDays",
                table: "Periods",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Reconsiderations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OldTotal = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    OldBand = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    NewTotal = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    NewBand = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PublicationNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reconsiderations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reconsiderations_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultPublications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultPublications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultPublications_Periods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "Periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReconsiderationItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReconsiderationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DocumentRef = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RuledValue = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Ruling = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RuledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RuledAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconsiderationItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReconsiderationItem_Reconsiderations_ReconsiderationId",
                        column: x => x.ReconsiderationId,
                        principalTable: "Reconsiderations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationItem_ReconsiderationId_CriterionId",
                table: "ReconsiderationItem",
                columns: new[] { "ReconsiderationId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reconsiderations_AssessmentId",
                table: "Reconsiderations",
                column: "AssessmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResultPublications_PeriodId_Number",
                table: "ResultPublications",
                columns: new[] { "PeriodId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReconsiderationItem");

            migrationBuilder.DropTable(
                name: "ResultPublications");

            migrationBuilder.DropTable(
                name: "Reconsiderations");

            migrationBuilder.DropColumn(
                name: "ReconsiderationDays",
                table: "Periods");
        }
    }
}
