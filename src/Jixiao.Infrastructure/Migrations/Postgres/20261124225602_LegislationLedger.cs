using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jixiao.Infrastructure.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PlanYear = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    Commission = table.Column<int>(type: "integer", nullable: false),
                    CommissionedBody = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
