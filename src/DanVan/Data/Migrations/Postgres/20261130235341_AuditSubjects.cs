using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditSubjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "User",
                table: "Audit",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "CriterionId",
                table: "Audit",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Action",
                table: "Audit",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "SubjectId",
                table: "Audit",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectType",
                table: "Audit",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // Existing lines keep their subject: "Type:Id" split in two; assessment lines take the assessment.
            migrationBuilder.Sql("""
                UPDATE "Audit" SET "SubjectType" = split_part("Subject", ':', 1), "SubjectId" = substr("Subject", strpos("Subject", ':') + 1)
                WHERE "Subject" IS NOT NULL AND strpos("Subject", ':') > 0;
                UPDATE "Audit" SET "SubjectType" = 'Assessment', "SubjectId" = "AssessmentId"::text WHERE "AssessmentId" IS NOT NULL;
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
                type: "text",
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

            migrationBuilder.AlterColumn<string>(
                name: "User",
                table: "Audit",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(256)",
                oldMaxLength: 256);

            migrationBuilder.AlterColumn<string>(
                name: "CriterionId",
                table: "Audit",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Action",
                table: "Audit",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

        }
    }
}
