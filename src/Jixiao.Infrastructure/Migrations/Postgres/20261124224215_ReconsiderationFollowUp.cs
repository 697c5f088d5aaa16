using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jixiao.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReconsiderationFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PerformanceDueOn",
                table: "ReconsiderationCases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PerformedOn",
                table: "ReconsiderationCases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionNumber",
                table: "ReconsiderationCases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PerformanceNote",
                table: "ReconsiderationCases",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PerformanceStatus",
                table: "ReconsiderationCases",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReconsiderationLetters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AddresseeAgencyId = table.Column<int>(type: "integer", nullable: true),
                    AddresseeName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ServedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReplyReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReplyNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReplyNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CaseId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconsiderationLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReconsiderationLetters_Agencies_AddresseeAgencyId",
                        column: x => x.AddresseeAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReconsiderationLetters_ReconsiderationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ReconsiderationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReconsiderationSuperiorCopies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Document = table.Column<int>(type: "integer", nullable: false),
                    LetterId = table.Column<int>(type: "integer", nullable: true),
                    Recipient = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CaseId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconsiderationSuperiorCopies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReconsiderationSuperiorCopies_ReconsiderationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ReconsiderationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReconsiderationSuperiorCopies_ReconsiderationLetters_Letter~",
                        column: x => x.LetterId,
                        principalTable: "ReconsiderationLetters",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationCases_UnitId_PerformanceStatus",
                table: "ReconsiderationCases",
                columns: new[] { "UnitId", "PerformanceStatus" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationLetters_AddresseeAgencyId",
                table: "ReconsiderationLetters",
                column: "AddresseeAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationLetters_CaseId",
                table: "ReconsiderationLetters",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationLetters_ReplyReceivedOn",
                table: "ReconsiderationLetters",
                column: "ReplyReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationLetters_ServedOn",
                table: "ReconsiderationLetters",
                column: "ServedOn");

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationSuperiorCopies_CaseId",
                table: "ReconsiderationSuperiorCopies",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationSuperiorCopies_LetterId",
                table: "ReconsiderationSuperiorCopies",
                column: "LetterId");

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationSuperiorCopies_SentOn",
                table: "ReconsiderationSuperiorCopies",
                column: "SentOn");

            // The single opinion letter a case could hold becomes its first letter; the numbers and notes come from the steps.
            migrationBuilder.Sql("""
                INSERT INTO "ReconsiderationLetters" ("CaseId", "Kind", "Number", "AddresseeAgencyId", "AddresseeName", "ServedOn", "Summary", "ReplyReceivedOn", "ReplyNumber", "ReplyNote")
                SELECT c."Id", 1,
                    COALESCE((SELECT s."DocumentNumber" FROM "ReconsiderationSteps" s WHERE s."CaseId" = c."Id" AND s."Kind" = 22 AND s."DocumentNumber" IS NOT NULL ORDER BY s."Id" LIMIT 1), '未登记文号'),
                    c."RespondentAgencyId", c."RespondentName", c."OpinionLetterServedOn", '（升级前登记的意见书，未载明主要内容）',
                    c."OpinionFeedbackOn",
                    CASE WHEN c."OpinionFeedbackOn" IS NULL THEN NULL ELSE (SELECT s."DocumentNumber" FROM "ReconsiderationSteps" s WHERE s."CaseId" = c."Id" AND s."Kind" = 23 ORDER BY s."Id" LIMIT 1) END,
                    CASE WHEN c."OpinionFeedbackOn" IS NULL THEN NULL ELSE (SELECT s."Note" FROM "ReconsiderationSteps" s WHERE s."CaseId" = c."Id" AND s."Kind" = 23 ORDER BY s."Id" LIMIT 1) END
                FROM "ReconsiderationCases" c
                WHERE c."OpinionLetterServedOn" IS NOT NULL;
                """);

            // The closing document's number was kept only in the closing step; outcomes that oblige someone to act
            // (变更, 责令重作, 责令履行, 调解书: Outcomes.RequiresPerformance) start as 待履行.
            migrationBuilder.Sql("""
                UPDATE "ReconsiderationCases" SET "DecisionNumber" =
                    (SELECT s."DocumentNumber" FROM "ReconsiderationSteps" s WHERE s."CaseId" = "ReconsiderationCases"."Id" AND s."Kind" = 21 ORDER BY s."Id" DESC LIMIT 1)
                WHERE "State" = 5;
                """);
            migrationBuilder.Sql("""
                UPDATE "ReconsiderationCases" SET "PerformanceStatus" = 1 WHERE "State" = 5 AND "Outcome" IN (1, 4, 5, 7, 12);
                """);

            migrationBuilder.DropColumn(
                name: "OpinionLetterServedOn",
                table: "ReconsiderationCases");

            migrationBuilder.DropColumn(
                name: "OpinionFeedbackOn",
                table: "ReconsiderationCases");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "OpinionLetterServedOn",
                table: "ReconsiderationCases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OpinionFeedbackOn",
                table: "ReconsiderationCases",
                type: "date",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE "ReconsiderationCases" SET
                    "OpinionLetterServedOn" = (SELECT l."ServedOn" FROM "ReconsiderationLetters" l WHERE l."CaseId" = "ReconsiderationCases"."Id" AND l."Kind" = 1 ORDER BY l."ServedOn", l."Id" LIMIT 1),
                    "OpinionFeedbackOn" = (SELECT l."ReplyReceivedOn" FROM "ReconsiderationLetters" l WHERE l."CaseId" = "ReconsiderationCases"."Id" AND l."Kind" = 1 ORDER BY l."ServedOn", l."Id" LIMIT 1);
                """);

            migrationBuilder.DropTable(
                name: "ReconsiderationSuperiorCopies");

            migrationBuilder.DropTable(
                name: "ReconsiderationLetters");

            migrationBuilder.DropIndex(
                name: "IX_ReconsiderationCases_UnitId_PerformanceStatus",
                table: "ReconsiderationCases");

            migrationBuilder.DropColumn(
                name: "DecisionNumber",
                table: "ReconsiderationCases");

            migrationBuilder.DropColumn(
                name: "PerformanceNote",
                table: "ReconsiderationCases");

            migrationBuilder.DropColumn(
                name: "PerformanceStatus",
                table: "ReconsiderationCases");

            migrationBuilder.DropColumn(
                name: "PerformedOn",
                table: "ReconsiderationCases");

            migrationBuilder.DropColumn(
                name: "PerformanceDueOn",
                table: "ReconsiderationCases");
        }
    }
}
