using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NormativeAdviceLegislation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CertificationItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Field = table.Column<int>(type: "INTEGER", nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IncludedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CasesHandled = table.Column<int>(type: "INTEGER", nullable: false),
                    CasesAsOf = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificationItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificationItems_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CleanupCampaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecisionTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecisionPublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CleanupCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CleanupCampaigns_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FilingReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    FilingGovernment = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Result = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FilingReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FilingReviews_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LegalAdvisers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Pooled = table.Column<bool>(type: "INTEGER", nullable: false),
                    EngagedFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EngagedTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalAdvisers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalAdvisers_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LegalityReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DraftingUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Result = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalityReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalityReviews_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CleanupItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuingBody = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Opinion = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CleanupItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CleanupItems_CleanupCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "CleanupCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CleanupItems_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AdviceMatters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    AdviserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FinishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WrittenOpinion = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdviceMatters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdviceMatters_LegalAdvisers_AdviserId",
                        column: x => x.AdviserId,
                        principalTable: "LegalAdvisers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdviceMatters_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AdviserActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    AdviserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdviserActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdviserActivities_LegalAdvisers_AdviserId",
                        column: x => x.AdviserId,
                        principalTable: "LegalAdvisers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdviserActivities_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdviceMatters_AdviserId_ReceivedOn",
                table: "AdviceMatters",
                columns: new[] { "AdviserId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AdviceMatters_UnitId_ReceivedOn",
                table: "AdviceMatters",
                columns: new[] { "UnitId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AdviserActivities_AdviserId",
                table: "AdviserActivities",
                column: "AdviserId");

            migrationBuilder.CreateIndex(
                name: "IX_AdviserActivities_UnitId_HeldOn",
                table: "AdviserActivities",
                columns: new[] { "UnitId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificationItems_UnitId_IncludedOn",
                table: "CertificationItems",
                columns: new[] { "UnitId", "IncludedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CleanupCampaigns_UnitId_Name",
                table: "CleanupCampaigns",
                columns: new[] { "UnitId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CleanupCampaigns_UnitId_StartedOn",
                table: "CleanupCampaigns",
                columns: new[] { "UnitId", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CleanupItems_CampaignId_Opinion",
                table: "CleanupItems",
                columns: new[] { "CampaignId", "Opinion" });

            migrationBuilder.CreateIndex(
                name: "IX_CleanupItems_UnitId",
                table: "CleanupItems",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_FilingReviews_UnitId_FiledOn",
                table: "FilingReviews",
                columns: new[] { "UnitId", "FiledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalAdvisers_UnitId_EngagedTo",
                table: "LegalAdvisers",
                columns: new[] { "UnitId", "EngagedTo" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalityReviews_UnitId_ReceivedOn",
                table: "LegalityReviews",
                columns: new[] { "UnitId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalityReviews_UnitId_ReviewedOn",
                table: "LegalityReviews",
                columns: new[] { "UnitId", "ReviewedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdviceMatters");

            migrationBuilder.DropTable(
                name: "AdviserActivities");

            migrationBuilder.DropTable(
                name: "CertificationItems");

            migrationBuilder.DropTable(
                name: "CleanupItems");

            migrationBuilder.DropTable(
                name: "FilingReviews");

            migrationBuilder.DropTable(
                name: "LegalityReviews");

            migrationBuilder.DropTable(
                name: "LegalAdvisers");

            migrationBuilder.DropTable(
                name: "CleanupCampaigns");
        }
    }
}
