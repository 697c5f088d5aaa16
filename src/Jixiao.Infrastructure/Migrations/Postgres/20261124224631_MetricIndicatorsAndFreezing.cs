using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jixiao.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MetricIndicatorsAndFreezing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FigureSentences",
                table: "SelfEvaluations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FrozenFigures",
                table: "SelfEvaluations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActualSource",
                table: "ProjectIndicator",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MetricFrom",
                table: "ProjectIndicator",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MetricKey",
                table: "ProjectIndicator",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MetricScope",
                table: "ProjectIndicator",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MetricTo",
                table: "ProjectIndicator",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReportSentenceTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Area = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSentenceTemplates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportSentenceTemplates_Area",
                table: "ReportSentenceTemplates",
                column: "Area",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportSentenceTemplates");

            migrationBuilder.DropColumn(
                name: "FigureSentences",
                table: "SelfEvaluations");

            migrationBuilder.DropColumn(
                name: "FrozenFigures",
                table: "SelfEvaluations");

            migrationBuilder.DropColumn(
                name: "ActualSource",
                table: "ProjectIndicator");

            migrationBuilder.DropColumn(
                name: "MetricFrom",
                table: "ProjectIndicator");

            migrationBuilder.DropColumn(
                name: "MetricKey",
                table: "ProjectIndicator");

            migrationBuilder.DropColumn(
                name: "MetricScope",
                table: "ProjectIndicator");

            migrationBuilder.DropColumn(
                name: "MetricTo",
                table: "ProjectIndicator");
        }
    }
}
