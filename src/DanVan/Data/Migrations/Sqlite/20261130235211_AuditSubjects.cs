using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditSubjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubjectId",
                table: "Audit",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectType",
                table: "Audit",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // Existing lines keep their subject: "Type:Id" split in two; assessment lines take the assessment.
            migrationBuilder.Sql("""
                UPDATE "Audit" SET "SubjectType" = substr("Subject", 1, instr("Subject", ':') - 1), "SubjectId" = substr("Subject", instr("Subject", ':') + 1)
                WHERE "Subject" IS NOT NULL AND instr("Subject", ':') > 0;
                UPDATE "Audit" SET "SubjectType" = 'Assessment', "SubjectId" = CAST("AssessmentId" AS TEXT) WHERE "AssessmentId" IS NOT NULL;
                UPDATE "Audit" SET "SubjectType" = 'Unknown' WHERE "SubjectType" = '';
                """);

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "Audit");

            migrationBuilder.CreateIndex(
                name: "IX_Audit_SubjectType_SubjectId",
                table: "Audit",
                columns: new[] { "SubjectType", "SubjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "Audit",
                type: "TEXT",
                nullable: true);
            migrationBuilder.Sql("""UPDATE "Audit" SET "Subject" = "SubjectType" || ':' || "SubjectId" WHERE "AssessmentId" IS NULL AND "SubjectId" IS NOT NULL;""");

            migrationBuilder.DropIndex(
                name: "IX_Audit_SubjectType_SubjectId",
                table: "Audit");

            migrationBuilder.DropColumn(
                name: "SubjectId",
                table: "Audit");

            migrationBuilder.DropColumn(
                name: "SubjectType",
                table: "Audit");

        }
    }
}
