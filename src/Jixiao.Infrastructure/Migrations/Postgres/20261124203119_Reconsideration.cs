using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jixiao.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Reconsideration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SuperiorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReconsiderationCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LawVersion = table.Column<int>(type: "integer", nullable: false),
                    Matter = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    ApplicantKind = table.Column<int>(type: "integer", nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RespondentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Procedure = table.Column<int>(type: "integer", nullable: false),
                    SupplementRequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SupplementItems = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SupplementReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndedBeforeAcceptanceAs = table.Column<int>(type: "integer", nullable: true),
                    EndedBeforeAcceptanceOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SwitchedToOrdinaryOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CopySentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnswerReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HearingNoticeOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HearingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SettledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExtensionDays = table.Column<int>(type: "integer", nullable: false),
                    ExtendedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExtensionApprovedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OpinionLetterServedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OpinionFeedbackOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ApplicantIdType = table.Column<int>(type: "integer", nullable: true),
                    ApplicantIdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    ApplicantPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ApplicantAddress = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AgentName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    EnterpriseRelated = table.Column<bool>(type: "boolean", nullable: false),
                    Requests = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ContestedAct = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RespondentAgencyId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconsiderationCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReconsiderationCases_Agencies_RespondentAgencyId",
                        column: x => x.RespondentAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReconsiderationCases_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReconsiderationSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorUserId = table.Column<int>(type: "integer", nullable: false),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DocumentTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CaseId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconsiderationSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReconsiderationSteps_ReconsiderationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ReconsiderationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReconsiderationSuspensions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Ground = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    CaseId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconsiderationSuspensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReconsiderationSuspensions_ReconsiderationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ReconsiderationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_Name",
                table: "Agencies",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationCases_CaseNumber",
                table: "ReconsiderationCases",
                column: "CaseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationCases_RespondentAgencyId",
                table: "ReconsiderationCases",
                column: "RespondentAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationCases_UnitId_ClosedOn",
                table: "ReconsiderationCases",
                columns: new[] { "UnitId", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationCases_UnitId_ReceivedOn",
                table: "ReconsiderationCases",
                columns: new[] { "UnitId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationCases_UnitId_State",
                table: "ReconsiderationCases",
                columns: new[] { "UnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationSteps_CaseId",
                table: "ReconsiderationSteps",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationSuspensions_CaseId",
                table: "ReconsiderationSuspensions",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReconsiderationSteps");

            migrationBuilder.DropTable(
                name: "ReconsiderationSuspensions");

            migrationBuilder.DropTable(
                name: "ReconsiderationCases");

            migrationBuilder.DropTable(
                name: "Agencies");
        }
    }
}
