using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CouncilAppraisal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CouncilBallots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Member = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilBallots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilBallots_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PeriodCouncils",
                columns: table => new
                {
                    PeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Threshold = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodCouncils", x => x.PeriodId);
                    table.ForeignKey(
                        name: "FK_PeriodCouncils_Periods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "Periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CouncilScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BallotId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    Level = table.Column<string>(type: "TEXT", nullable: true),
                    Checked = table.Column<string>(type: "TEXT", nullable: true),
                    Achieved = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: true),
                    NotApplicable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilScores_CouncilBallots_BallotId",
                        column: x => x.BallotId,
                        principalTable: "CouncilBallots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CouncilMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    IsChair = table.Column<bool>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilMembers_PeriodCouncils_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "PeriodCouncils",
                        principalColumn: "PeriodId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CouncilBallots_AssessmentId_Member",
                table: "CouncilBallots",
                columns: new[] { "AssessmentId", "Member" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouncilMembers_PeriodId_UserName",
                table: "CouncilMembers",
                columns: new[] { "PeriodId", "UserName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouncilScores_BallotId_CriterionId",
                table: "CouncilScores",
                columns: new[] { "BallotId", "CriterionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CouncilMembers");

            migrationBuilder.DropTable(
                name: "CouncilScores");

            migrationBuilder.DropTable(
                name: "PeriodCouncils");

            migrationBuilder.DropTable(
                name: "CouncilBallots");
        }
    }
}
