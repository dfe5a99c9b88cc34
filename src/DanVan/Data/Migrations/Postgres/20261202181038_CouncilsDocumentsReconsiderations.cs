using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DanVan.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CouncilsDocumentsReconsiderations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReconsiderationDays",
                table: "Periods",
                type: "integer",
                nullable: true);

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
                name: "CouncilBallots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    Member = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    PeriodId = table.Column<int>(type: "integer", nullable: false),
                    Rule = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Threshold = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                name: "Reconsiderations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OldTotal = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    OldBand = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    NewTotal = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    NewBand = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PublicationNumber = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PeriodId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false)
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
                name: "CouncilScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BallotId = table.Column<int>(type: "integer", nullable: false),
                    CriterionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Points = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    Level = table.Column<string>(type: "text", nullable: true),
                    Checked = table.Column<string>(type: "text", nullable: true),
                    Achieved = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Target = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Count = table.Column<int>(type: "integer", nullable: true),
                    NotApplicable = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PeriodId = table.Column<int>(type: "integer", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    IsChair = table.Column<bool>(type: "boolean", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "ReconsiderationItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReconsiderationId = table.Column<int>(type: "integer", nullable: false),
                    CriterionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DocumentRef = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RuledValue = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Ruling = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RuledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RuledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "CouncilMembers");

            migrationBuilder.DropTable(
                name: "CouncilScores");

            migrationBuilder.DropTable(
                name: "ReconsiderationItem");

            migrationBuilder.DropTable(
                name: "ResultPublications");

            migrationBuilder.DropTable(
                name: "UnitDocumentContents");

            migrationBuilder.DropTable(
                name: "PeriodCouncils");

            migrationBuilder.DropTable(
                name: "CouncilBallots");

            migrationBuilder.DropTable(
                name: "Reconsiderations");

            migrationBuilder.DropTable(
                name: "UnitDocuments");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_UnitDocumentId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "ReconsiderationDays",
                table: "Periods");

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
