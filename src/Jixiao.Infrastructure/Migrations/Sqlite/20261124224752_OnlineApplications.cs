using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OnlineApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OnlineApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    QueryCodeHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FactsAndReasons = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClientAddress = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnlineApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OnlineApplications_ReconsiderationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ReconsiderationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OnlineApplications_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UsedChallenges",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsedChallenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OnlineApplicationAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OnlineApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnlineApplicationAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OnlineApplicationAttachments_OnlineApplications_OnlineApplicationId",
                        column: x => x.OnlineApplicationId,
                        principalTable: "OnlineApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OnlineApplicationAttachments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OnlineApplicationAttachments_OnlineApplicationId",
                table: "OnlineApplicationAttachments",
                column: "OnlineApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_OnlineApplicationAttachments_UnitId",
                table: "OnlineApplicationAttachments",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_OnlineApplications_CaseId",
                table: "OnlineApplications",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OnlineApplications_ClientAddress_SubmittedAt",
                table: "OnlineApplications",
                columns: new[] { "ClientAddress", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OnlineApplications_UnitId",
                table: "OnlineApplications",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_UsedChallenges_ExpiresAt",
                table: "UsedChallenges",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OnlineApplicationAttachments");

            migrationBuilder.DropTable(
                name: "UsedChallenges");

            migrationBuilder.DropTable(
                name: "OnlineApplications");
        }
    }
}
