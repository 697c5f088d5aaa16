using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LegislationLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LegislationProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Commission = table.Column<int>(type: "INTEGER", nullable: false),
                    CommissionedBody = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegislationProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegislationProjects_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LegislationProjects_UnitId_CompletedOn",
                table: "LegislationProjects",
                columns: new[] { "UnitId", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LegislationProjects_UnitId_PlanYear",
                table: "LegislationProjects",
                columns: new[] { "UnitId", "PlanYear" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LegislationProjects");
        }
    }
}
