using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jixiao.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LitigationLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LitigationCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Court = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Instance = table.Column<int>(type: "integer", nullable: false),
                    Plaintiff = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Defendant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReconsiderationCoDefendant = table.Column<bool>(type: "boolean", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ComplaintReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SummaryProcedure = table.Column<bool>(type: "boolean", nullable: false),
                    DefenceSubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    ConcludedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    JudgmentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ServedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AppealFiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Appellant = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AppealOutcome = table.Column<int>(type: "integer", nullable: true),
                    AppealConcludedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LitigationCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LitigationCases_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LitigationHearings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Court = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Instance = table.Column<int>(type: "integer", nullable: false),
                    HeadAppeared = table.Column<bool>(type: "boolean", nullable: false),
                    HeadName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AppearedInstead = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LitigationHearings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LitigationHearings_LitigationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "LitigationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LitigationHearings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LitigationCases_Court_CaseNumber",
                table: "LitigationCases",
                columns: new[] { "Court", "CaseNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LitigationCases_UnitId_ConcludedOn",
                table: "LitigationCases",
                columns: new[] { "UnitId", "ConcludedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LitigationCases_UnitId_DefenceSubmittedOn",
                table: "LitigationCases",
                columns: new[] { "UnitId", "DefenceSubmittedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LitigationCases_UnitId_Defendant",
                table: "LitigationCases",
                columns: new[] { "UnitId", "Defendant" });

            migrationBuilder.CreateIndex(
                name: "IX_LitigationCases_UnitId_FiledOn",
                table: "LitigationCases",
                columns: new[] { "UnitId", "FiledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LitigationHearings_CaseId",
                table: "LitigationHearings",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_LitigationHearings_UnitId_HeldOn",
                table: "LitigationHearings",
                columns: new[] { "UnitId", "HeldOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LitigationHearings");

            migrationBuilder.DropTable(
                name: "LitigationCases");
        }
    }
}
