using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Infrastructure.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SuperiorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReconsiderationCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LawVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Matter = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicantKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RespondentName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Procedure = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplementRequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SupplementItems = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SupplementReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedBeforeAcceptanceAs = table.Column<int>(type: "INTEGER", nullable: true),
                    EndedBeforeAcceptanceOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SwitchedToOrdinaryOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CopySentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnswerReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HearingNoticeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HearingOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SettledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtensionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtendedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtensionApprovedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpinionLetterServedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpinionFeedbackOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApplicantIdType = table.Column<int>(type: "INTEGER", nullable: true),
                    ApplicantIdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    ApplicantPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ApplicantAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AgentName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EnterpriseRelated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Requests = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ContestedAct = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RespondentAgencyId = table.Column<int>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DocumentTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Ground = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: true)
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
